// The gateway's word for a card kind (shared/contracts/sharing-gateway-v1.md): the reader knows card kinds,
// the gateway client knows how the contract names them.

import type { IdCardType } from '../../device-drivers/id-reader/id-card';
import type { GatewayIdType } from './wire-format';

export function gatewayIdType(card: { cardType: IdCardType }): GatewayIdType {
  switch (card.cardType) {
    case 'resident':
      return 'resident-id';
    case 'hmt-residence-permit':
      return 'hmt-residence-permit';
    case 'foreign-permanent-resident-2017':
    case 'foreign-permanent-resident-2023':
      return 'foreign-permanent-resident';
  }
}

// Whether an errand can start now. Told on the home screen at once, so nobody waits for a kiosk that cannot
// finish: the gateway's circuit, the reader, the printer and its paper.

import { a4Readiness } from '../../device-drivers/a4-printer/a4-printer';
import { idReaderUsable } from '../../device-drivers/id-reader/id-reader';
import type { Errand } from '../errands/catalogue';
import type { GatewayClient } from '../gateway/gateway-client';
import type { ErrandAvailability } from '../session/session-view-builder';
import type { KioskDevices } from '../devices/kiosk-devices';

/**
 * `notAuthorised` holds the service codes (事项编码) the gateway said this kiosk may not do: those errands are
 * hidden until the agent restarts with new credentials.
 */
export function createErrandAvailability(
  devices: KioskDevices,
  gateway: GatewayClient,
  notAuthorised: ReadonlySet<string>,
): (errand: Errand) => ErrandAvailability {
  return (errand) => {
    if (notAuthorised.has(errand.issueCode)) {
      return {
        available: false,
        reason: { zh: '本机暂不能办理此事项，请到人工窗口', en: 'This kiosk cannot do this errand; please go to a staffed window' },
      };
    }
    if (!gateway.available()) {
      return {
        available: false,
        reason: { zh: '暂不可用：数据共享平台暂时无法访问', en: 'Unavailable: the data-sharing service cannot be reached' },
      };
    }
    if (!idReaderUsable(devices.idReader.status())) {
      return { available: false, reason: { zh: '暂不可用：读卡器故障', en: 'Unavailable: the card reader is not working' } };
    }
    if (a4Readiness(devices.a4Printer.status()) !== 'ready') {
      return { available: false, reason: { zh: '暂不可用：打印机需要维护', en: 'Unavailable: the printer needs attention' } };
    }
    return { available: true };
  };
}

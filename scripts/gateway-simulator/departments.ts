// The source departments the simulator speaks for: each issues its own certificate types with its own keys
// (one ES256, one SM2) and their trust-list entries. Provinces mix algorithms, so the default mix does too.

import type { CertType } from '../../kiosk/errands/catalogue';
import type { SignatureAlg } from '../../kiosk/gateway/signature-algorithms';
import { makeUscc } from './uscc';

export interface Department {
  /** File-name-safe id. */
  id: string;
  name: string;
  code: string;
  certTypes: readonly CertType[];
  /** Leads every certificate id this department issues. */
  certIdPrefix: string;
  /** The key it signs with unless the simulator is told to use one algorithm for all. */
  defaultAlg: SignatureAlg;
}

export const departments: readonly Department[] = [
  {
    id: 'real-estate-registration',
    name: '杭州市不动产登记服务中心',
    code: makeUscc('12', '330100', '47000131'),
    certTypes: ['no-property-proof'],
    certIdPrefix: 'HZBDC',
    defaultAlg: 'ES256',
  },
  {
    id: 'social-insurance',
    name: '杭州市社会保险管理服务中心',
    code: makeUscc('12', '330100', '47000246'),
    certTypes: ['social-security-record'],
    certIdPrefix: 'HZSB',
    defaultAlg: 'SM2-SM3',
  },
  {
    id: 'public-security',
    name: '杭州市公安局',
    code: makeUscc('11', '330100', '00250038'),
    certTypes: ['residence-proof', 'household-registration-proof'],
    certIdPrefix: 'HZGA',
    defaultAlg: 'ES256',
  },
];

export function departmentFor(certType: CertType): Department {
  const department = departments.find((candidate) => candidate.certTypes.includes(certType));
  if (!department) throw new Error(`no department issues ${certType}`);
  return department;
}

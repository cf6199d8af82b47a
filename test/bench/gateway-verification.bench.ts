// Verification cost per certificate (checks 2–7: JWS signature, trust list, request binding, holder,
// validity, KQ1 seal) for ES256 and for SM2-SM3, and the cost of signing one request with each.
//   npx tsx test/bench/gateway-verification.bench.ts

import { createPublicKey } from 'node:crypto';
import { maskIdNumber } from '../../kiosk/privacy/mask';
import { endOfShanghaiDay } from '../../print-templates/shanghai-date';
import { holderFromCard } from '../../kiosk/gateway/fetch-request-body';
import { FETCH_PATH, signedRequestHeaders, verifyRequestSignature } from '../../kiosk/gateway/request-signing';
import { makeIssuer, makeTrustList, newEs256Key, newSm2Key } from '../support/trust-list-fixture';
import { verifyCertificate, type SentFetch } from '../../kiosk/gateway/verify-response';
import { buildCertificatePayload, signCertificate } from '../../scripts/gateway-simulator/certificate-issuer';
import { departments } from '../../scripts/gateway-simulator/departments';
import { testCitizens } from '../../scripts/synthetic-population';
import { summarize } from './bench-stats';

const RUNS = 400;
const WARMUP = 40;
const department = departments.find((d) => d.certTypes.includes('no-property-proof'))!;
const es256 = makeIssuer({ code: department.code, name: department.name, certTypes: ['no-property-proof'] });
const sm2 = makeIssuer({ code: department.code, name: department.name, certTypes: ['no-property-proof'], alg: 'SM2-SM3' });
const { list } = makeTrustList([es256, sm2]);
const zhang = testCitizens.find((c) => c.key === 'zhang-san')!;
const now = new Date();
const sent: SentFetch = {
  requestId: '3f0c8a52-8d1e-4c57-9d1a-6a2b9e4f7c10',
  kioskId: 'kiosk-dev-0001',
  purpose: 'provident-fund-withdrawal',
  certTypes: ['no-property-proof'],
  holder: holderFromCard(zhang.card),
  bodyHash: 'a'.repeat(64),
};

function certificateBy(issuer: typeof es256): string {
  const payload = buildCertificatePayload(
    {
      certType: 'no-property-proof',
      holder: sent.holder,
      title: '无房证明',
      statement: '经查询，……在杭州市范围内无登记在册的住房。',
      fields: [{ key: 'region', label: '查询范围', value: '杭州市' }],
    },
    { department, alg: issuer.entry.alg, kid: issuer.kid, privateKey: issuer.privateKey },
    { requestId: sent.requestId, requestHash: sent.bodyHash, kioskId: sent.kioskId, purpose: sent.purpose, now },
  );
  // The seal claims must match the certificate; a sanity check that the bench measures the passing path.
  if (
    !payload.seal.startsWith('KQ1:') ||
    maskIdNumber(payload.holder.idNumber).length !== 18 ||
    endOfShanghaiDay(payload.validUntil) <= now.getTime()
  ) {
    throw new Error('bench certificate is not what the kiosk would verify');
  }
  return signCertificate(payload, { department, alg: issuer.entry.alg, kid: issuer.kid, privateKey: issuer.privateKey });
}

/** Samples in microseconds. */
function time(run: () => void): number[] {
  for (let i = 0; i < WARMUP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    samples.push((performance.now() - started) * 1000);
  }
  return samples;
}

for (const [name, issuer] of [
  ['ES256', es256],
  ['SM2-SM3', sm2],
] as const) {
  const token = certificateBy(issuer);
  const first = performance.now();
  const check = verifyCertificate(token, 'no-property-proof', sent, list, now);
  const firstMs = performance.now() - first;
  if (!check.ok) throw new Error(`${name}: ${check.error.detail}`);
  console.log(
    `${summarize(
      `verify one ${name} certificate (JWS + seal + checks 2–7)`,
      time(() => {
        if (!verifyCertificate(token, 'no-property-proof', sent, list, now).ok) throw new Error('failed');
      }),
      'µs',
    )}; first call ${firstMs.toFixed(1)} ms (includes key precomputation)`,
  );
}

for (const [name, key] of [
  ['ES256', newEs256Key()],
  ['SM2-SM3', newSm2Key()],
] as const) {
  const fields = {
    method: 'POST',
    path: FETCH_PATH,
    kioskId: 'kiosk-dev-0001',
    requestId: sent.requestId,
    timestamp: now.toISOString(),
    issue: '330100-GJJ-TQ-0001',
    purpose: sent.purpose,
    body: Buffer.alloc(400, 0x20),
  };
  console.log(
    summarize(
      `sign one ${name} request (KQ-REQ-1)`,
      time(() => void signedRequestHeaders(fields, name, key)),
      'µs',
    ),
  );
  const signature = signedRequestHeaders(fields, name, key)['X-Signature']!;
  const publicKey = createPublicKey(key);
  console.log(
    summarize(
      `verify one ${name} request signature (gateway side)`,
      time(() => {
        if (!verifyRequestSignature(fields, signature, name, publicKey)) throw new Error('failed');
      }),
      'µs',
    ),
  );
}

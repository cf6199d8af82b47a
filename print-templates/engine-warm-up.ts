// The A4 engine's start-up step: one page of invented wording rendered and thrown away, so that the first
// citizen's document does not pay for what a fresh process does once — reading the font files and their
// tables (cmap, metrics, shaping), the subset and QR code paths run the first time, the JIT's first compiles.
// The page holds no one's data; it is the bundled template with a made-up certificate.

import { renderCertificatesA4 } from './render-a4';
import { loadBundledTemplate } from './template-store';

const madeUp = {
  title: '无房证明',
  issuer: { name: '杭州市不动产登记服务中心', code: '000000000000000000' },
  holder: { name: '样本', idNumber: '000000000000000000' },
  statement: '经查询，截至2026年1月1日，样本（身份证号码000000000000000000）在本市范围内无登记在册的住房。',
  fields: [{ label: '查询范围', value: '本市' }],
  certId: 'WARM-UP-0000',
  issuedAt: '2026-01-01T00:00:00Z',
  validUntil: '2026-01-31',
  // A seal-sized QR payload, all alphanumeric as a KQ1 seal is.
  seal: `KQ1:${'0A-9Z.'.repeat(75)}`,
};

/** Renders the made-up page a few times (once loads, the next compile); what it loads stays for the process. */
export async function warmUpA4Engine(): Promise<void> {
  const template = loadBundledTemplate();
  for (let i = 0; i < 3; i++) await renderCertificatesA4([madeUp], template);
}

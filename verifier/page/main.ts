// The official verifier page (seal-kq1.md v1.1): static, opened from a paper's QR as `<this page>#KQ1:…`. It
// fetches one file, the signed trust list beside it, checks it against the root pinned at build time, and
// checks the seal in the fragment offline with the one KQ1 core. The fragment never leaves the browser: no
// request carries it, and the page builds its text with text nodes only (claims and names are never markup).

import './page.css';
import { certTypeName, factName, type ClaimWords } from '../claim-words';
import { checkScannedSealAsync, verdictText, type Kq1Verdict } from '../kq1-verdict';
import { loadTrustListAsync } from '../load-trust-list';
import { sealFailureText } from '../verify-kq1';
import { importPinnedRoot, webVerifierCrypto } from '../web-crypto';

/** The trust-list root's public key (PEM), given when the page is built (VERIFIER_TRUST_ROOT). */
declare const __KQ1_TRUST_ROOT_PEM__: string;

const TRUST_LIST = './trust-list.jws';

type Child = Node | string;

function element(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Chinese first, English beside it. */
function words({ zh, en }: ClaimWords): Child[] {
  return [zh, ' ', element('span', { lang: 'en' }, en)];
}

const listUnreadable: ClaimWords = { zh: '无法读取签发机构名单', en: 'the issuer list cannot be read' };
const listNotGenuine: ClaimWords = { zh: '签发机构名单未通过校验', en: 'the issuer list did not verify' };

const cannotConfirm: ClaimWords = { zh: '无法确认', en: 'cannot confirm' };

function verdictBox(verdict: Kq1Verdict, reason: ClaimWords | null, headline = verdictText[verdict]): HTMLElement {
  const tone = verdict === 'valid' ? 'valid' : verdict === 'cannot-confirm' ? 'unsure' : 'refused';
  const box = element('div', { class: `verdict ${tone}`, 'data-verdict': verdict }, ...words(headline));
  if (reason) box.append(element('div', { class: 'reason', 'data-reason': '' }, ...words(reason)));
  return box;
}

function claimRow(name: string, label: ClaimWords, value: string): HTMLElement {
  return element('div', { 'data-claim': name }, element('dt', {}, ...words(label)), element('dd', {}, value));
}

/** A calendar day in Asia/Shanghai, as the paper prints it. */
function shanghaiDay(seconds: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(seconds * 1000),
  );
}

async function fetchTrustList(): Promise<string | null> {
  try {
    const response = await fetch(TRUST_LIST, { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

async function check(): Promise<HTMLElement[]> {
  if (!location.hash) {
    return [
      element(
        'p',
        {},
        ...words({
          zh: '用手机相机扫描纸质证明上的二维码，即可在此核验。',
          en: "Scan the QR code on a paper with your phone's camera to check it here.",
        }),
      ),
    ];
  }
  const root = await importPinnedRoot(__KQ1_TRUST_ROOT_PEM__);
  const token = await fetchTrustList();
  if (!root || token === null) return [verdictBox('cannot-confirm', listUnreadable, cannotConfirm)];
  const list = await loadTrustListAsync(token, root, webVerifierCrypto);
  if (!list.ok) return [verdictBox('cannot-confirm', listNotGenuine, cannotConfirm)];

  // The whole address: its part before `#` must be one of the list's official verifier addresses.
  const checked = await checkScannedSealAsync(location.href, list.value, new Date(), webVerifierCrypto);
  const { version, nextUpdateMs } = list.value;
  const nextUpdate = shanghaiDay(nextUpdateMs / 1000);
  const listLine = element(
    'p',
    { class: 'list' },
    ...words({
      zh: `签发机构名单第 ${version} 版，下次更新 ${nextUpdate}`,
      en: `Issuer list version ${version}, next update ${nextUpdate}`,
    }),
  );
  if (!checked.ok) return [verdictBox('invalid', sealFailureText[checked.error.failure]), listLine];

  const { verdict, claims, issuer } = checked.value;
  const rows = [
    claimRow('type', { zh: '证明类型', en: 'Certificate' }, certTypeName(claims.t).zh + ' · ' + certTypeName(claims.t).en),
    claimRow('id', { zh: '证明编号', en: 'Certificate number' }, claims.id),
    claimRow('holder', { zh: '持证人姓名', en: 'Holder' }, claims.n),
    claimRow('idNumber', { zh: '身份证号（部分隐藏）', en: 'ID number (masked)' }, claims.m),
    ...Object.entries(claims.f).map(([key, value]) => claimRow(`fact-${key}`, factName(key), value)),
    claimRow('issuer', { zh: '签发机构', en: 'Issuer' }, issuer.name),
    claimRow('issuedOn', { zh: '签发日期', en: 'Issued on' }, shanghaiDay(claims.iat)),
    claimRow('validUntil', { zh: '有效期至', en: 'Valid until' }, shanghaiDay(claims.exp)),
  ];
  const note = element(
    'p',
    { class: 'note' },
    ...words({
      zh: '二维码只证明上述内容。请与纸质证明逐项核对，并核对持证人身份证上的姓名和号码。',
      en: "The code proves only what is listed above: compare it with the paper, and the name and number with the holder's ID card.",
    }),
  );
  return [verdictBox(verdict, null), element('dl', {}, ...rows), note, listLine];
}

async function show(): Promise<void> {
  const result = document.getElementById('result')!;
  result.replaceChildren(element('p', {}, ...words({ zh: '正在核验…', en: 'Checking…' })));
  result.replaceChildren(...(await check()));
}

window.addEventListener('hashchange', () => void show());
void show();

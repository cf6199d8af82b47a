// SM2-SM3 as the kiosk makes it (sm-crypto-v2 behind kiosk/gateway/sm2-sm3.ts) against the openssl command
// line, both ways, with the standard user id: openssl writes DER signatures, the contract raw r‖s.

import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derSignatureToRaw, rawSignatureToDer } from '../../support/ecdsa-der-signature';
import { keyId } from '../../../kiosk/gateway/key-id';
import { FETCH_PATH, sha256Hex, signingString } from '../../../kiosk/gateway/request-signing';
import { SM2_USER_ID, sm2Sm3 } from '../../../kiosk/gateway/sm2-sm3';

const DISTID = `distid:${SM2_USER_ID}`;
let dir: string;
let keyFile: string;
let publicFile: string;
let messageFile: string;
const message = Buffer.from(
  signingString({
    method: 'POST',
    path: FETCH_PATH,
    kioskId: 'kiosk-dev-sm2-0001',
    requestId: '3f0c8a52-8d1e-4c57-9d1a-6a2b9e4f7c10',
    timestamp: '2026-11-23T08:00:00.000Z',
    issue: '330100-GJJ-TQ-0001',
    purpose: 'provident-fund-withdrawal',
    body: Buffer.from('{"certTypes":["no-property-proof"]}'),
  }),
  'utf8',
);

/** Runs openssl; its verdict is its exit status (0 = verified). */
function openssl(args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString() };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: Buffer }).stdout ?? '') };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm2-interop-'));
  keyFile = join(dir, 'sm2-key.pem');
  publicFile = join(dir, 'sm2-public.pem');
  messageFile = join(dir, 'message.bin');
  // The key file exactly as an operator would make it.
  expect(openssl(['genpkey', '-algorithm', 'SM2', '-out', keyFile]).ok).toBe(true);
  expect(openssl(['pkey', '-in', keyFile, '-pubout', '-out', publicFile]).ok).toBe(true);
  await writeFile(messageFile, message);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('SM2-SM3 and the openssl command line', () => {
  it('reads the key openssl genpkey writes, and computes the same kid as openssl', async () => {
    const key = createPrivateKey(await readFile(keyFile, 'utf8'));
    expect(sm2Sm3.acceptsKey(createPublicKey(key))).toBe(true);
    const spki = execFileSync('openssl', ['pkey', '-pubin', '-in', publicFile, '-outform', 'DER']);
    expect(keyId(key)).toBe(sha256Hex(spki).slice(0, 16));
  });

  it('signed here, verified by openssl pkeyutl and openssl dgst -sm3 with the standard user id', async () => {
    const raw = sm2Sm3.sign(message, createPrivateKey(await readFile(keyFile, 'utf8')));
    expect(raw).toHaveLength(64);
    const signatureFile = join(dir, 'here.sig.der');
    await writeFile(signatureFile, rawSignatureToDer(raw));
    const pkeyutl = openssl([
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      publicFile,
      '-rawin',
      '-digest',
      'sm3',
      '-in',
      messageFile,
      '-sigfile',
      signatureFile,
      '-pkeyopt',
      DISTID,
    ]);
    expect(pkeyutl).toMatchObject({ ok: true, output: expect.stringMatching(/Signature Verified Successfully/) });
    const dgst = openssl(['dgst', '-sm3', '-verify', publicFile, '-sigopt', DISTID, '-signature', signatureFile, messageFile]);
    expect(dgst).toMatchObject({ ok: true, output: expect.stringMatching(/Verified OK/) });
    // Negative controls: another user id, another message.
    expect(
      openssl(['dgst', '-sm3', '-verify', publicFile, '-sigopt', 'distid:1234567812345679', '-signature', signatureFile, messageFile]).ok,
    ).toBe(false);
    const otherFile = join(dir, 'other.bin');
    await writeFile(otherFile, Buffer.concat([message, Buffer.from('x')]));
    expect(openssl(['dgst', '-sm3', '-verify', publicFile, '-sigopt', DISTID, '-signature', signatureFile, otherFile]).ok).toBe(false);
  });

  it('signed by openssl (dgst -sm3 -sign and pkeyutl -sign), verified here', async () => {
    const publicKey = createPublicKey(await readFile(publicFile, 'utf8'));
    for (const [name, args] of [
      ['dgst', ['dgst', '-sm3', '-sign', keyFile, '-sigopt', DISTID, '-out', join(dir, 'dgst.sig.der'), messageFile]],
      [
        'pkeyutl',
        [
          'pkeyutl',
          '-sign',
          '-inkey',
          keyFile,
          '-rawin',
          '-digest',
          'sm3',
          '-pkeyopt',
          DISTID,
          '-in',
          messageFile,
          '-out',
          join(dir, 'pkeyutl.sig.der'),
        ],
      ],
    ] as const) {
      expect(openssl([...args]).ok, name).toBe(true);
      const raw = derSignatureToRaw(await readFile(join(dir, `${name}.sig.der`)));
      expect(raw, name).not.toBeNull();
      expect(sm2Sm3.verify(message, raw!, publicKey), name).toBe(true);
      expect(sm2Sm3.verify(Buffer.concat([message, Buffer.from('x')]), raw!, publicKey), name).toBe(false);
      // A signature with r or s out of range is refused outright, never handed to the arithmetic.
      expect(sm2Sm3.verify(message, Buffer.alloc(64, 0xff), publicKey)).toBe(false);
      expect(sm2Sm3.verify(message, Buffer.alloc(64, 0), publicKey)).toBe(false);
    }
  });

  it('signed with another user id by openssl, refused here', async () => {
    const signatureFile = join(dir, 'alien.sig.der');
    expect(openssl(['dgst', '-sm3', '-sign', keyFile, '-sigopt', 'distid:ALICE123@YAHOO.COM', '-out', signatureFile, messageFile]).ok).toBe(
      true,
    );
    const raw = derSignatureToRaw(await readFile(signatureFile))!;
    expect(sm2Sm3.verify(message, raw, createPublicKey(await readFile(publicFile, 'utf8')))).toBe(false);
  });
});

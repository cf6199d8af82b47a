// `npm run templates -- keys | sign | sign-trust-list | publish | rotate-root` end to end: keys made (private ones readable by the owner only),
// a bundle signed and published into a repository of static files, usage errors exit 2, a bad bundle exits 1.

import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishTrustList } from '../../kiosk/gateway/trust-list';
import { writeTemplateBundle } from '../../test/support/template-bundle-fixture';
import { newEs256Key, trustDocument } from '../../test/support/trust-list-fixture';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'templates-cli-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

function templates(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/templates-cli.ts', ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run templates', () => {
  it('makes keys, signs a bundle and publishes the repository', async () => {
    const keys = join(work, 'keys');
    const repo = join(work, 'repo');
    expect(templates('keys', keys).status).toBe(0);
    expect((await readdir(keys)).sort()).toEqual(
      ['root', 'snapshot', 'targets', 'timestamp'].flatMap((role) => [`${role}.key`, `${role}.pub`]).sort(),
    );
    expect((await stat(join(keys, 'root.key'))).mode & 0o077).toBe(0);
    expect(templates('keys', keys)).toMatchObject({ status: 1, stderr: expect.stringMatching(/EEXIST/) });

    const bundle = await writeTemplateBundle(join(work, 'bundle'), '1.0.0');
    const signed = templates('sign', repo, bundle, '--ring', '2', '--keys', keys);
    expect(signed).toMatchObject({ status: 0, stdout: expect.stringMatching(/bundle 1\.0\.0 signed for rings 0–2/) });
    expect(templates('publish', repo, '--keys', keys)).toMatchObject({ status: 0, stdout: 'published snapshot 1, timestamp 1\n' });
    expect((await readdir(join(repo, 'metadata'))).sort()).toEqual(['1.root.json', '1.snapshot.json', '1.targets.json', 'timestamp.json']);
  });

  it('names what is wrong: usage, an unknown command, a bundle that does not match its manifest', async () => {
    expect(templates('sign', work)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^usage: npm run templates -- sign/) });
    expect(templates('nonsense')).toMatchObject({ status: 2, stderr: expect.stringMatching(/keys <keydir>/) });
    const bundle = await writeTemplateBundle(join(work, 'tampered'), '1.1.0');
    await writeFile(join(bundle, 'samples', 'certificate.json'), '{}');
    expect(templates('sign', join(work, 'repo'), bundle, '--ring', '1', '--keys', join(work, 'keys'))).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^samples\/certificate\.json: 2 bytes, the manifest says \d+/),
    });
  });

  it('signs a trust list as a target, and refuses a lower version than the one signed', async () => {
    const [repo, keys, root] = [join(work, 'repo'), join(work, 'keys'), newEs256Key()];
    const list = async (version: number) => {
      const file = join(work, `trust-list-${version}.jws`);
      await writeFile(file, publishTrustList(trustDocument([], version), root));
      return file;
    };
    expect(templates('sign-trust-list', repo, await list(8), '--keys', keys)).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^trust list version 8 signed \(targets version 2\)/),
    });
    expect(templates('sign-trust-list', repo, await list(7), '--keys', keys)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/version 7 is lower than the signed 8/),
    });
    expect(templates('sign-trust-list', repo, join(work, 'keys', 'root.pub'), '--keys', keys)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/not a signed trust list/),
    });
    expect(templates('sign-trust-list', repo)).toMatchObject({ status: 2 });
  });

  it('rotates the root: renews its expiry with the same keys, replaces one role’s key, refuses a root key not in force', async () => {
    const [repo, keys] = [join(work, 'rotation-repo'), join(work, 'rotation-keys')];
    expect(templates('keys', keys).status).toBe(0);
    expect(
      templates('sign', repo, await writeTemplateBundle(join(work, 'rotation-bundle'), '1.0.0'), '--ring', '9', '--keys', keys).status,
    ).toBe(0);
    const rootFile = async (version: number) => JSON.parse(await readFile(join(repo, 'metadata', `${version}.root.json`), 'utf8'));

    const renewed = templates('rotate-root', repo, '--keys', keys, '--days', '730');
    expect(renewed).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^root version 2 signed with the same keys, expires \S+; now publish/),
    });
    const [first, second] = [await rootFile(1), await rootFile(2)];
    expect(second.signed.keys).toEqual(first.signed.keys);
    expect(second.signed.roles).toEqual(first.signed.roles);
    expect(Date.parse(second.signed.expires) - Date.now()).toBeGreaterThan(729 * 86_400_000);

    // A new targets key only: the others stay, the targets are signed again with the new key.
    const [made, newKeys] = [join(work, 'made-keys'), join(work, 'new-targets-key')];
    expect(templates('keys', made).status).toBe(0);
    await mkdir(newKeys);
    for (const file of ['targets.key', 'targets.pub']) await copyFile(join(made, file), join(newKeys, file));
    expect(templates('rotate-root', repo, '--keys', keys, '--new-keys', newKeys)).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(
        /^root version 3 signed with new keys for targets, expires \S+; targets signed again \(version 2\); now publish/,
      ),
    });
    const third = await rootFile(3);
    expect(third.signed.roles.root).toEqual(second.signed.roles.root);
    expect(third.signed.roles.targets.keyids).not.toEqual(second.signed.roles.targets.keyids);
    expect(third.signatures).toHaveLength(1);
    expect(templates('publish', repo, '--keys', keys)).toMatchObject({ status: 0 });

    expect(templates('rotate-root', repo, '--keys', made)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/not a root key of root version 3/),
    });
    expect(templates('rotate-root', repo)).toMatchObject({ status: 2 });
    expect(templates('rotate-root', repo, '--keys', keys, '--days', '0')).toMatchObject({ status: 2 });
  }, 90_000);
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { IppClient, printerEndpoint } from './ipp-client';
import { decodeIppMessage, encodeIppMessage, GroupTag } from './ipp-encoding';
import { getPrinterAttributesRequest } from './ipp-operations';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: (body: Buffer, req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(Buffer.concat(chunks), req, res));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `ipp://127.0.0.1:${(server.address() as AddressInfo).port}/ipp/print`;
}

const okAnswer = (requestId: number): Uint8Array =>
  encodeIppMessage({
    version: { major: 1, minor: 1 },
    code: 0,
    requestId,
    groups: [{ tag: GroupTag.operation, attributes: [] }],
    data: new Uint8Array(0),
  });

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('printerEndpoint', () => {
  it('reads ipp:// as http:// on port 631 unless a port is given', () => {
    expect(printerEndpoint('ipp://printer.local/ipp/print')).toMatchObject({ printerUri: 'ipp://printer.local:631/ipp/print' });
    expect(printerEndpoint('ipp://printer.local/ipp/print').httpUrl.href).toBe('http://printer.local:631/ipp/print');
    expect(printerEndpoint('ipp://localhost:60000/ipp/print').httpUrl.href).toBe('http://localhost:60000/ipp/print');
    expect(printerEndpoint('ipps://[::1]/printers/a4').httpUrl.href).toBe('https://[::1]:631/printers/a4');
    expect(printerEndpoint('ipps://[::1]/printers/a4').printerUri).toBe('ipps://[::1]:631/printers/a4');
  });

  it('refuses what is not a printer URL', () => {
    expect(() => printerEndpoint('lpd://x/q')).toThrow(TypeError);
    expect(() => printerEndpoint('not a url')).toThrow(TypeError);
  });
});

describe('IppClient', () => {
  it('POSTs application/ipp, the document right after the attributes, and decodes the answer', async () => {
    let seen: { type: string | undefined; body: Buffer } | null = null;
    const url = await serve((body, req, res) => {
      seen = { type: req.headers['content-type'], body };
      const request = decodeIppMessage(body);
      res.writeHead(200, { 'Content-Type': 'application/ipp' }).end(okAnswer(request.ok ? request.value.requestId : 0));
    });
    const client = new IppClient({ url });
    const message = getPrinterAttributesRequest(client.printerUri, client.requestId());
    const result = await client.send(message, { document: Uint8Array.from([0x25, 0x50, 0x44, 0x46]) });
    expect(result.ok).toBe(true);
    expect(seen!.type).toBe('application/ipp');
    const received = decodeIppMessage(seen!.body);
    expect(received.ok && received.value.data).toEqual(Uint8Array.from([0x25, 0x50, 0x44, 0x46]));
    expect(received.ok && received.value.groups).toEqual(message.groups);
  });

  it('says a printer that does not listen never got the request', async () => {
    const client = new IppClient({ url: `ipp://127.0.0.1:${await closedPort()}/ipp/print` });
    const result = await client.send(getPrinterAttributesRequest(client.printerUri, 1));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unreachable', delivered: false, detail: expect.stringContaining('ECONNREFUSED') },
    });
  });

  it('says a connection lost after sending may have delivered the request', async () => {
    const url = await serve((_body, req) => req.socket.destroy());
    const client = new IppClient({ url });
    const result = await client.send(getPrinterAttributesRequest(client.printerUri, 1));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ kind: 'connectionLost', delivered: true });
  });

  it('gives up on a printer that does not answer in time', async () => {
    const url = await serve(() => {});
    const client = new IppClient({ url, timeoutMs: 100 });
    const started = Date.now();
    const result = await client.send(getPrinterAttributesRequest(client.printerUri, 1));
    expect(!result.ok && result.error).toMatchObject({ kind: 'timeout', delivered: true });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses an answer larger than the limit', async () => {
    const url = await serve((_b, _r, res) => res.writeHead(200).end(Buffer.alloc(64 * 1024)));
    const client = new IppClient({ url, maxResponseBytes: 16 * 1024 });
    const result = await client.send(getPrinterAttributesRequest(client.printerUri, 1));
    expect(!result.ok && result.error.kind).toBe('tooLarge');
  });

  it('refuses a streamed answer that grows past the limit', async () => {
    const url = await serve((_b, _r, res) => {
      res.writeHead(200);
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(Buffer.alloc(4096))), 1);
    });
    const client = new IppClient({ url, maxResponseBytes: 16 * 1024 });
    const result = await client.send(getPrinterAttributesRequest(client.printerUri, 1));
    expect(!result.ok && result.error.kind).toBe('tooLarge');
  });

  it('reports HTTP errors with their status', async () => {
    const url = await serve((_b, _r, res) => res.writeHead(401).end());
    const client = new IppClient({ url });
    const result = await client.send(getPrinterAttributesRequest(client.printerUri, 1));
    expect(!result.ok && result.error).toMatchObject({ kind: 'httpError', httpStatus: 401, delivered: true });
  });

  it('reports an answer that is not IPP, or answers another request, as malformed', async () => {
    let answer: Uint8Array = Buffer.from('<html>hello</html>');
    const url = await serve((_b, _r, res) => res.writeHead(200).end(answer));
    const client = new IppClient({ url });
    const garbage = await client.send(getPrinterAttributesRequest(client.printerUri, 1));
    expect(!garbage.ok && garbage.error.kind).toBe('malformed');
    answer = okAnswer(99);
    const other = await client.send(getPrinterAttributesRequest(client.printerUri, 1));
    expect(!other.ok && other.error).toMatchObject({ kind: 'malformed', detail: expect.stringContaining('99') });
  });

  it('numbers requests from 1 and wraps before 2^31', () => {
    const client = new IppClient({ url: 'ipp://localhost/ipp/print' });
    expect([client.requestId(), client.requestId()]).toEqual([1, 2]);
    (client as unknown as { nextRequestId: number }).nextRequestId = 0x7fffffff;
    expect([client.requestId(), client.requestId()]).toEqual([0x7fffffff, 1]);
  });
});

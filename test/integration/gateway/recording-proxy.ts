// A test-only HTTPS hop between the client and the simulator: it presents the simulator's own server
// certificate (so the kiosk's pinned CA accepts it), forwards every request with the kiosk's client
// certificate, and records what the kiosk sent — or lets a test rewrite the answer, as an attacker could.

import { readFile } from 'node:fs/promises';
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningGatewaySimulator } from '../../../scripts/gateway-simulator/simulator';

export interface RecordedRequest {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Rewrite = (answer: Answer, request: RecordedRequest) => Answer | Promise<Answer>;

export async function startRecordingProxy(sim: RunningGatewaySimulator, rewrite: Rewrite = (answer) => answer): Promise<RecordingProxy> {
  const kiosk = sim.kiosks.find((k) => k.alg === 'ES256')!;
  const [serverCert, serverKey, ca, clientCert, clientKey] = await Promise.all([
    readFile(sim.files.serverCert),
    readFile(sim.files.serverKey),
    readFile(sim.files.caCert),
    readFile(kiosk.files.clientCert),
    readFile(kiosk.files.clientKey),
  ]);
  const requests: RecordedRequest[] = [];
  const forward = (request: IncomingMessage, body: Buffer): Promise<Answer> => {
    const { host: _host, connection: _connection, ...headers } = request.headers;
    return new Promise((resolve, reject) => {
      const upstream = https.request(
        `${sim.url}${request.url}`,
        { method: request.method, headers, ca, cert: clientCert, key: clientKey },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
          answer.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  };
  const server = https.createServer({ cert: serverCert, key: serverKey }, (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = { headers: request.headers, body: Buffer.concat(chunks) };
      requests.push(recorded);
      forward(request, recorded.body)
        .then((answer) => rewrite(answer, recorded))
        .then((answer) => {
          const {
            'content-length': _length,
            'transfer-encoding': _encoding,
            connection: _connection,
            'keep-alive': _keepAlive,
            ...headers
          } = answer.headers;
          response.writeHead(answer.status, { ...headers, 'content-length': answer.body.length }).end(answer.body);
        })
        .catch(() => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

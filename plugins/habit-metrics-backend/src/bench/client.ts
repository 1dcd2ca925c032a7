import { Agent, request } from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
}

export interface BenchClient {
  get(path: string): Promise<HttpResult>;
  post(path: string, body: unknown): Promise<HttpResult>;
  close(): void;
}

/**
 * A keep-alive HTTP client of the plugin's API on the test backend. A timed call is the whole round trip: request,
 * handler, JSON and the body read to its last byte.
 *
 * Open one per phase: better-sqlite3 blocks the event loop that also serves HTTP, and a socket left idle across a
 * long synchronous statement can be closed by the server's keep-alive timer just as the client reuses it.
 */
export function benchClient(
  baseUrl: string,
  authorization: string,
): BenchClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const call = (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<HttpResult>((resolve, reject) => {
      const req = request(
        `${baseUrl}${path}`,
        {
          method,
          agent,
          headers: {
            authorization,
            ...(payload === undefined
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  };
  return {
    get: path => call('GET', path),
    post: (path, body) => call('POST', path, body),
    close: () => agent.destroy(),
  };
}

/** The parsed body of a 2xx answer; anything else stops the benchmark with the server's message. */
export function okBody<T>(result: HttpResult, what: string): T {
  if (result.status < 200 || result.status > 299) {
    throw new Error(
      `${what} answered ${result.status}: ${result.body.slice(0, 500)}`,
    );
  }
  return JSON.parse(result.body) as T;
}

import { Agent, request } from 'node:http';

/** What the benchmark needs from an HTTP response: the status and the whole body, read to the last byte. */
export interface HttpResult {
  status: number;
  body: string;
}

export interface ApiClient {
  call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    authorization: string,
    body?: unknown,
  ): Promise<HttpResult>;
  /** Closes the client's connections. */
  close(): void;
}

/**
 * A minimal keep-alive client of the plugin's API on the test backend's HTTP server. A timed call covers the full
 * round trip, including serialising and transferring the whole result.
 *
 * Each benchmark phase opens its own client. better-sqlite3 is synchronous, so a long SQLite statement blocks the
 * event loop that serves HTTP too; when it resumes, the server's keep-alive timer (5 s) closes idle sockets at the
 * same moment a shared pool would reuse them, and the request dies with ECONNRESET. Fresh connections per phase
 * avoid that artefact without changing what is measured within a phase.
 */
export function apiClient(baseUrl: string): ApiClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return {
    call(method, path, authorization, body) {
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
    },
    close() {
      agent.destroy();
    },
  };
}

/** The parsed body of a 2xx response; anything else fails the benchmark step with the server's message. */
export function expectOk<T>(result: HttpResult, what: string): T {
  if (result.status < 200 || result.status > 299) {
    throw new Error(
      `${what} answered ${result.status}: ${result.body.slice(0, 500)}`,
    );
  }
  return JSON.parse(result.body) as T;
}

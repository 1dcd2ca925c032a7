import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

/** A route of the fake plugin server: returns [status, body], or undefined for 404. */
export type FakeRoute = (
  path: string,
  req: IncomingMessage,
) => [number, unknown] | undefined;

/**
 * A tiny HTTP server standing in for other backend plugins (needs-discovery, habit-metrics) in tests. Requests are
 * recorded with their authorization header so tests can check the plugin token was sent.
 */
export class FakePluginServer {
  readonly requests: {
    pluginId: string;
    path: string;
    authorization?: string;
  }[] = [];
  private server: Server | undefined;
  private port = 0;

  constructor(private readonly routes: Record<string, FakeRoute>) {}

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const [, api, pluginId, ...rest] = url.pathname.split('/');
      const path = `/${rest.join('/')}`;
      this.requests.push({
        pluginId,
        path,
        authorization: req.headers.authorization,
      });
      const route = api === 'api' ? this.routes[pluginId] : undefined;
      const answer = route?.(path, req);
      const [status, body] = answer ?? [
        404,
        { error: { name: 'NotFoundError', message: 'Not found' } },
      ];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>(done => this.server!.listen(0, '127.0.0.1', done));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  baseUrl(pluginId: string): string {
    return `http://127.0.0.1:${this.port}/api/${pluginId}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>(done => this.server?.close(() => done()));
  }
}

/** A base URL nothing listens on (connection refused): the plugin is "not installed". */
export const REFUSED_BASE_URL = 'http://127.0.0.1:9/api/absent';

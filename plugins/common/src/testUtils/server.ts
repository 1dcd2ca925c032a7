import { DiscoveryService } from '@backstage/backend-plugin-api';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A request the stand-in backend received.
 *
 * @public
 */
export interface Seen {
  /** The HTTP method. */
  method: string;
  /** The path and query, e.g. `/api/needs-discovery/needs`. */
  url: string;
  /** The Authorization header, if any. */
  authorization?: string;
  /** The parsed JSON body, if any. */
  body?: unknown;
}

/**
 * The stand-in's answer to one "METHOD path": status, JSON body, and an optional delay.
 *
 * @public
 */
export type Reply = { status: number; body?: unknown; delayMs?: number };

/**
 * A running stand-in backend, from {@link startServer}.
 *
 * @public
 */
export interface TestServer {
  /** The requests received so far, in order. */
  seen: Seen[];
  /** Discovery that points every plugin id at the stand-in (`/api/<pluginId>`). */
  discovery: DiscoveryService;
  /** Stops the stand-in, closing open connections. */
  close: () => Promise<void>;
}

/**
 * A tiny stand-in for the Backstage backend: answers per "METHOD path" and records what it got. A path without a
 * reply gets an empty 404, as the backend's root router gives when no plugin is mounted there.
 *
 * @public
 */
export async function startServer(
  routes: Record<string, Reply>,
): Promise<TestServer> {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    seen.push({
      method: req.method!,
      url: req.url!,
      authorization: req.headers.authorization,
      body: raw ? JSON.parse(raw) : undefined,
    });
    const reply = routes[`${req.method} ${req.url}`];
    if (!reply) {
      res.statusCode = 404;
      res.end();
      return;
    }
    if (reply.delayMs) {
      await new Promise(resolve => setTimeout(resolve, reply.delayMs));
    }
    res.statusCode = reply.status;
    if (reply.body !== undefined) {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(reply.body));
    } else {
      res.end();
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const discovery: DiscoveryService = {
    getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
    getExternalBaseUrl: async pluginId =>
      `http://127.0.0.1:${port}/api/${pluginId}`,
  };
  return {
    seen,
    discovery,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A Backstage NotFoundError answer: the plugin itself says the resource is not there.
 *
 * @public
 */
export const notFound = (message: string): Reply => ({
  status: 404,
  body: {
    error: { name: 'NotFoundError', message },
    response: { statusCode: 404 },
  },
});

/**
 * Discovery that does not know any plugin.
 *
 * @public
 */
export const unknownDiscovery: DiscoveryService = {
  getBaseUrl: async id => {
    throw new Error(`no endpoint for ${id}`);
  },
  getExternalBaseUrl: async () => '',
};

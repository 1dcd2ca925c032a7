// This module declares a test battery (describe, it) for the test files that call it, and exports it: not a test file.
/* eslint-disable jest/no-export, jest/valid-title */
import { tableContents, TableReader } from './database';

/**
 * A request a backend plugin must refuse with a 400 `InputError` that says why.
 *
 * @public
 */
export interface MalformedRequest {
  /** Names the case in the list of failures and in the answers compared across engines. */
  name: string;
  /** The HTTP method, lower-case as supertest names it. */
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path below the plugin's base path, as sent (not normalised: `..` and `%00` reach the backend). */
  path: string;
  /** The JSON body, if any. */
  body?: unknown;
  /** What the 400's message must say. */
  message: RegExp;
}

/**
 * The answer to a request as supertest gives it.
 *
 * @public
 */
export interface HttpAnswer {
  /** The HTTP status. */
  status: number;
  /** The parsed JSON body, if any. */
  body?: any;
}

/**
 * A request ready to be sent, such as `request(server).get(path).set(headers)` from supertest: awaited as it is,
 * or with a JSON body.
 *
 * @public
 */
export interface PendingRequest extends PromiseLike<HttpAnswer> {
  /** Sends the request with this JSON body. */
  send(body: object): PromiseLike<HttpAnswer>;
}

/**
 * A backend plugin started on one database engine for {@link describeMalformedInput}.
 *
 * @public
 */
export interface MalformedInputBackend<C extends MalformedRequest> {
  /** The request of a case, with the path and credentials it is sent with. */
  request(malformed: C): PendingRequest;
  /** The plugin's tables, whose rows must be the same after the malformed requests as before. */
  tables: readonly string[];
  /** Checked after the malformed requests: the valid request that they spoil is accepted (so that they were refused for their mistake, not for something else). */
  afterwards?(): Promise<void>;
}

/**
 * What {@link describeMalformedInput} needs of Backstage's `TestDatabases` (`@backstage/backend-test-utils`).
 *
 * @public
 */
export interface EachDatabase<Id extends string, K extends TableReader> {
  /** The engines to run on, as `it.each` rows. */
  eachSupportedId(): [Id][];
  /** A fresh database on one engine. */
  init(id: Id): Promise<K>;
}

/**
 * The malformed-input battery of a backend plugin, on every database engine: each case is answered with a 400
 * `InputError` whose message matches (every case that is not is listed at once), nothing is written, and every
 * engine gives the same answers. Declares the jest `describe` and `it` blocks; call it at the top of a test file.
 *
 * @public
 */
export function describeMalformedInput<
  C extends MalformedRequest,
  Id extends string,
  K extends TableReader,
>(
  title: string,
  options: {
    databases: EachDatabase<Id, K>;
    cases: readonly C[];
    /** Starts the plugin on the engine's database, with what the cases need (a survey to answer, say). */
    start(knex: K): Promise<MalformedInputBackend<C>>;
  },
): void {
  const { databases, cases, start } = options;
  /** The answers on each engine, compared once every engine has run. */
  const answers = new Map<string, Record<string, unknown>>();

  describe(title, () => {
    describe.each(databases.eachSupportedId())('on %p', databaseId => {
      it('answers each malformed request with a 400 that says why, and writes nothing', async () => {
        const knex = await databases.init(databaseId);
        const backend = await start(knex);
        const before = await tableContents(knex, backend.tables);
        expect(Object.keys(before)).toEqual([...backend.tables]);

        const seen: Record<string, unknown> = {};
        const wrong: object[] = [];
        for (const c of cases) {
          const call = backend.request(c);
          const res = await (c.body === undefined
            ? call
            : call.send(c.body as object));
          const answer = {
            status: res.status,
            name: res.body?.error?.name,
            message: res.body?.error?.message,
          };
          seen[c.name] = answer;
          if (
            answer.status !== 400 ||
            answer.name !== 'InputError' ||
            !c.message.test(String(answer.message))
          ) {
            wrong.push({
              case: c.name,
              expected: String(c.message),
              ...answer,
            });
          }
        }
        // Every case that did not get its 400, listed at once.
        expect(wrong).toEqual([]);
        answers.set(databaseId, seen);
        expect(await tableContents(knex, backend.tables)).toEqual(before);
        await backend.afterwards?.();
      });
    });

    it('gives the same answers on every database', () => {
      const [first, ...others] = [...answers.values()];
      expect(first).toBeDefined();
      for (const other of others) expect(other).toEqual(first);
    });
  });
}

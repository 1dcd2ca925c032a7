/**
 * Test helpers of `@platform-product/common`: a stand-in Backstage backend for tests of code that calls another
 * backend plugin, the malformed-input battery every backend plugin runs on each database engine, and a snapshot of
 * a plugin's tables. Import in tests only.
 *
 * @packageDocumentation
 */
export { tableContents } from './database';
export type { TableReader } from './database';
export { describeMalformedInput } from './malformedInput';
export type {
  EachDatabase,
  HttpAnswer,
  MalformedInputBackend,
  MalformedRequest,
  PendingRequest,
} from './malformedInput';
export { notFound, startServer, unknownDiscovery } from './server';
export type { Reply, Seen, TestServer } from './server';

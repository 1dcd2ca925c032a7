/**
 * Test helpers of `@platform-product/common`: a stand-in Backstage backend for tests of code that calls another
 * backend plugin. Import in tests only.
 *
 * @packageDocumentation
 */
export { notFound, startServer, unknownDiscovery } from './server';
export type { Reply, Seen, TestServer } from './server';

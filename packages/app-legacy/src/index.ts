/**
 * A Backstage app on the legacy frontend system with the suite's pages, cards and scaffolder field,
 * kept to prove that the packages' legacy exports work.
 *
 * @packageDocumentation
 */
export { default, apis, entityPage, routes } from './App';

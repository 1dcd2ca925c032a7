import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';

/**
 * The example app. Every plugin in package.json is picked up through `app.packages: all` in app-config.yaml,
 * the same way an adopter's app picks up the suite's frontend plugins; only the app's own modules are listed here.
 */
export default createApp({
  features: [navModule],
});

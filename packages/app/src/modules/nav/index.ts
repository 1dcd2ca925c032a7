import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { AppSidebar } from './AppSidebar';

export const navModule = createFrontendModule({
  pluginId: 'app',
  extensions: [AppSidebar],
});

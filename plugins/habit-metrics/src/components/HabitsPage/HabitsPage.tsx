import { Header, Page } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import {
  Link as RouterLink,
  Route,
  Routes,
  useLocation,
  useParams,
} from 'react-router-dom';
import { useHabitsLinks } from '../../hooks/useHabitsLinks';
import { CampaignPage, CampaignsList } from '../Campaigns';
import { TeamHabitsPage } from '../TeamHabitsPage';
import { HabitsOverview } from './HabitsOverview';

function TeamRoute() {
  const { namespace = 'default', name = '' } = useParams();
  return <TeamHabitsPage namespace={namespace} name={name} />;
}

function CampaignRoute() {
  const { id = '' } = useParams();
  return <CampaignPage id={id} />;
}

/** The page's two tabs: the metrics (with the team drill-down) and the campaigns. */
function HabitsTabs() {
  const links = useHabitsLinks();
  const { pathname } = useLocation();
  const onCampaigns = pathname.startsWith(links.campaigns());
  return (
    // Backstage's Page is a grid: the tabs take its subheader row, as Backstage's own HeaderTabs do (without a grid
    // area they would land in the page's left navigation column).
    <Box
      px={3}
      borderBottom={1}
      borderColor="divider"
      style={{ gridArea: 'pageSubheader' }}
    >
      <Tabs
        value={onCampaigns ? 'campaigns' : 'overview'}
        indicatorColor="primary"
        textColor="primary"
        aria-label="Habits sections"
      >
        <Tab
          value="overview"
          label="Overview"
          component={RouterLink}
          to={links.root()}
        />
        <Tab
          value="campaigns"
          label="Campaigns"
          component={RouterLink}
          to={links.campaigns()}
        />
      </Tabs>
    </Box>
  );
}

/**
 * The habits page and its team drill-down. It draws its own header so it looks the same in the
 * legacy and the new frontend system.
 */
export function HabitsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Habits"
        subtitle="Are teams making the platform's golden paths a habit?"
      />
      <HabitsTabs />
      <Routes>
        <Route path="teams/:namespace/:name" element={<TeamRoute />} />
        <Route path="campaigns" element={<CampaignsList />} />
        <Route path="campaigns/:id" element={<CampaignRoute />} />
        <Route path="*" element={<HabitsOverview />} />
      </Routes>
    </Page>
  );
}

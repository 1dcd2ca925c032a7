import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { Campaign } from '@platform-product/plugin-habit-metrics-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { habitMetricsApiRef } from '../../api';
import { useCampaignPermissions } from '../../hooks/useCampaignPermissions';
import { useEntityTitles } from '../../hooks/useEntityTitles';
import { useHabitsLinks } from '../../hooks/useHabitsLinks';
import { HabitsLoadFailure, plural } from '../shared';
import { CampaignForm } from './CampaignForm';
import { describeGoal, STATUS_LABELS } from './labels';

/** `/habits/campaigns`: every campaign, newest first; managers create drafts here. */
export function CampaignsList() {
  const api = useApi(habitMetricsApiRef);
  const links = useHabitsLinks();
  const navigate = useNavigate();
  const { canManage } = useCampaignPermissions();
  const [creating, setCreating] = useState(false);
  const { value, loading, error } = useAsync(() => api.listCampaigns(), [api]);
  const titleOf = useEntityTitles((value ?? []).map(c => c.capabilityRef));

  const columns: TableColumn<Campaign>[] = [
    {
      title: 'Campaign',
      field: 'title',
      render: campaign => (
        <Link to={links.campaign(campaign.id)}>{campaign.title}</Link>
      ),
    },
    {
      title: 'Capability',
      render: campaign => titleOf(campaign.capabilityRef),
    },
    { title: 'Status', render: campaign => STATUS_LABELS[campaign.status] },
    { title: 'Goal per team', render: campaign => describeGoal(campaign.goal) },
    {
      title: 'Audience',
      render: campaign => plural(campaign.teams.length, 'team'),
    },
    {
      title: 'Target date',
      render: campaign => campaign.targetDate ?? 'None',
    },
  ];

  let body;
  if (loading) body = <Progress />;
  else if (error) body = <HabitsLoadFailure error={error} />;
  else if (!value || value.length === 0) {
    body = (
      <EmptyState
        missing="content"
        title="No campaign yet"
        description={
          canManage
            ? 'Create a campaign to move an audience of teams onto a golden path, then see whether it worked.'
            : 'The platform team has not run a campaign yet.'
        }
      />
    );
  } else {
    body = (
      <Table<Campaign>
        title="Campaigns"
        // No draggable headers: their drag handle wraps the sort button (axe: nested interactive controls).
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          draggable: false,
        }}
        columns={columns}
        data={value}
      />
    );
  }

  return (
    <Content>
      <ContentHeader title="Campaigns">
        {canManage && !creating && (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setCreating(true)}
          >
            New campaign
          </Button>
        )}
      </ContentHeader>
      {creating && (
        <InfoCard title="New campaign">
          <CampaignForm
            onCreated={campaign => navigate(links.campaign(campaign.id))}
            onCancel={() => setCreating(false)}
          />
        </InfoCard>
      )}
      {body}
    </Content>
  );
}

import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { SurveySummary } from '@platform-product/plugin-needs-discovery-common';
import useAsync from 'react-use/esm/useAsync';
import { needsDiscoveryApiRef } from '../../api';
import { useNeedsDiscoveryPermissions } from '../../hooks/useNeedsDiscoveryPermissions';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { SurveyStatusChip, formatDateTime } from '../shared';

/** The "My answers" tab: surveys the user has a response to. */
export function MyAnswersList() {
  const api = useApi(needsDiscoveryApiRef);
  const links = useNeedsLinks();
  const { canReadResults } = useNeedsDiscoveryPermissions();
  const { value, loading, error } = useAsync(() => api.listSurveys(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const answered = (value ?? []).filter(s => s.answeredByMe);
  if (answered.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="You have not answered any survey yet"
        description="Open surveys are listed on the Answer tab."
      />
    );
  }

  const columns: TableColumn<SurveySummary>[] = [
    {
      title: 'Survey',
      field: 'title',
      highlight: true,
      render: survey => (
        <Link to={links.survey(survey.id)}>{survey.title}</Link>
      ),
    },
    { title: 'Wave', field: 'wave', width: '80px' },
    {
      title: 'Status',
      field: 'status',
      render: survey => <SurveyStatusChip status={survey.status} />,
    },
    {
      title: 'Closes',
      render: survey =>
        formatDateTime(
          survey.status === 'closed' ? survey.closedAt : survey.closesAt,
        ),
    },
    {
      title: '',
      sorting: false,
      render: survey => (
        <>
          <Link to={links.survey(survey.id)}>
            {survey.status === 'open' ? 'Edit my answers' : 'View my answers'}
          </Link>
          {canReadResults && (
            <>
              {' · '}
              <Link to={links.results(survey.id)}>Results</Link>
            </>
          )}
        </>
      ),
    },
  ];

  return (
    <Table<SurveySummary>
      title="Surveys you answered"
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        draggable: false,
      }}
      columns={columns}
      data={answered}
    />
  );
}

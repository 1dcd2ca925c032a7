import { FactSources } from '@platform-product/plugin-thinness-scorecard-common';
import Alert from '@material-ui/lab/Alert';

/** Says which optional plugins did not answer, and what that means for the verdicts. */
export function DataSourcesNote(props: { sources: FactSources }) {
  const { sources } = props;
  const notes: string[] = [];
  if (!sources.needsDiscovery) {
    notes.push(
      'needs-discovery is not installed or did not answer: needs cannot be checked against the latest survey, so capabilities that would be disposed are marked for review instead.',
    );
  }
  if (!sources.habitMetrics) {
    notes.push(
      'habit-metrics is not installed or did not answer: adoption counts catalog dependencies only, and adoption trends are not available.',
    );
  }
  if (notes.length === 0) {
    return null;
  }
  return (
    <Alert severity="info" aria-label="Data sources">
      {notes.map(note => (
        <div key={note}>{note}</div>
      ))}
    </Alert>
  );
}

import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { needsDiscoveryApiRef } from '../../api';
import { describeError } from '../../api/errors';

/**
 * Downloads the results as CSV. The file is fetched through the API client (so
 * the user's token goes along) and handed to the browser as a Blob URL, since a
 * plain link to the backend would be sent without it.
 */
export function CsvDownloadButton(props: { surveyId: string }) {
  const { surveyId } = props;
  const api = useApi(needsDiscoveryApiRef);
  const alertApi = useApi(alertApiRef);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      const blob = await api.getResultsCsv(surveyId);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `needs-survey-${surveyId}-results.csv`;
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      // Give the browser a moment to start the download before the URL goes away.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      alertApi.post({
        message: `Could not download the results: ${describeError(e)}`,
        severity: 'error',
      });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Button
      variant="outlined"
      startIcon={<GetAppIcon />}
      onClick={download}
      disabled={downloading}
    >
      Download CSV
    </Button>
  );
}

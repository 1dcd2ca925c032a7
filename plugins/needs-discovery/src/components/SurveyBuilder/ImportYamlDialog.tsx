import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { SurveyDefinition } from '@platform-product/plugin-needs-discovery-common';
import { useState } from 'react';
import { importSurveyYaml } from './importSurveyYaml';

export function ImportYamlDialog(props: {
  open: boolean;
  onClose: () => void;
  onImport: (definition: SurveyDefinition) => void;
}) {
  const { open, onClose, onImport } = props;
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  const importText = () => {
    const result = importSurveyYaml(text);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    setText('');
    onImport(result.definition);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="import-yaml-title"
    >
      <DialogTitle id="import-yaml-title">
        Import a survey from YAML
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Paste a survey in the format of <code>examples/surveys</code>. It
          replaces everything in the form; nothing is saved until you save the
          draft.
        </DialogContentText>
        <TextField
          fullWidth
          multiline
          minRows={12}
          maxRows={24}
          variant="outlined"
          value={text}
          onChange={event => setText(event.target.value)}
          inputProps={{
            'aria-label': 'Survey YAML',
            spellCheck: false,
            style: { fontFamily: 'monospace' },
          }}
        />
        {errors.length > 0 && (
          <Alert severity="error" role="alert" style={{ marginTop: 16 }}>
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {errors.map((error, index) => (
                <li key={index}>{error}</li>
              ))}
            </ul>
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          onClick={importText}
          color="primary"
          variant="contained"
          disabled={!text.trim()}
        >
          Import
        </Button>
      </DialogActions>
    </Dialog>
  );
}

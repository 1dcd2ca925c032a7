import { useTheme } from '@material-ui/core/styles';
import { FormEvent, useState } from 'react';
import { describeError } from '../../api/errors';

/**
 * The state of a campaign form whose fields are all text: the values, each field's error under it, the server's
 * refusal, and the submit that validates, saves and reports. `fieldProps(field)` gives a TextField its id, value,
 * change handler and error.
 */
export function useFieldForm<V extends { [K in keyof V]: string }, B>(options: {
  /** Prefix of each field's id (`campaign` gives `campaign-title`). */
  idPrefix: string;
  initial: V;
  /** Errors by field; the request body only when there are none. */
  validate: (values: V) => {
    errors: Partial<Record<keyof V, string>>;
    body?: B;
  };
  /** Sends the body; what it throws is shown as the refusal. */
  save: (body: B) => Promise<void>;
  /** Empty the form after a successful save. */
  resetOnSave?: boolean;
}) {
  const { idPrefix, initial, validate, save, resetOnSave = false } = options;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  // The theme's error red fails WCAG AA contrast for a field's label and message on the page's grey: the darker one.
  const errorText = { color: useTheme().palette.error.dark };

  const fieldProps = (field: keyof V & string) => ({
    id: `${idPrefix}-${field}`,
    value: values[field],
    onChange: (event: { target: { value: string } }) =>
      setValues(current => ({ ...current, [field]: event.target.value })),
    error: !!errors[field],
    helperText: errors[field],
    InputLabelProps: errors[field] ? { style: errorText } : undefined,
    FormHelperTextProps: errors[field] ? { style: errorText } : undefined,
    fullWidth: true,
    variant: 'outlined' as const,
    margin: 'dense' as const,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = validate(values);
    setErrors(result.errors);
    setFailure(undefined);
    if (result.body === undefined) return;
    setSaving(true);
    try {
      await save(result.body);
      if (resetOnSave) setValues(initial);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return { values, errors, fieldProps, submit, failure, saving };
}

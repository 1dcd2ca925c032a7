import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { NeedPicker } from './components/NeedPicker';

/** The NeedPicker form field for the new frontend system's scaffolder. */
export const needPickerFormField = createFormField({
  name: 'NeedPicker',
  component: NeedPicker as any,
});

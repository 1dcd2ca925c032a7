export { NeedPicker, rankNeeds } from './NeedPicker';
export type { NeedPickerUiOptions } from './NeedPicker';

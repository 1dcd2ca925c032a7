export {
  GoldenPathChart,
  GoldenPathSparkline,
  overallShare,
} from './GoldenPathChart';
export { AdoptionChart } from './AdoptionChart';
export { RetentionHeatmap } from './RetentionHeatmap';
export { StickinessChart } from './StickinessChart';
export { TimeToHabitChart } from './TimeToHabitChart';
export { ReversionsView, ReversionList } from './ReversionsView';

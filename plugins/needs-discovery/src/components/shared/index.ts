export * from './format';
export { SurveyStatusChip } from './SurveyStatusChip';
export { ConfirmDialog } from './ConfirmDialog';
export type { ConfirmDialogProps } from './ConfirmDialog';
export { QuestionCard } from './QuestionCard';
export { NoTeamNote, TeamMappingHelp } from './TeamMembershipNote';
export { TeamNames } from './TeamNames';

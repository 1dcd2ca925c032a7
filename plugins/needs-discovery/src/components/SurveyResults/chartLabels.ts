/** Axis labels longer than this are cut with an ellipsis; the tooltip and tables show them in full. */
const MAX_LABEL_LENGTH = 32;

export function truncateLabel(label: unknown): string {
  const text = String(label ?? '');
  return text.length > MAX_LABEL_LENGTH
    ? `${text.slice(0, MAX_LABEL_LENGTH - 1)}…`
    : text;
}

/**
 * recharts colours a tooltip's items like their series, which can fail WCAG AA contrast on the tooltip's white
 * background (a green or light series): every chart's tooltip shows its values in the text colour instead.
 */
export const RECHARTS_TOOLTIP_ITEM_STYLE = { color: 'rgba(0, 0, 0, 0.87)' };

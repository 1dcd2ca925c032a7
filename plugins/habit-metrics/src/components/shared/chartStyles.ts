import Box from '@material-ui/core/Box';
import { createElement } from 'react';

/**
 * recharts colours a tooltip's items like their series, which can fail WCAG AA contrast on the tooltip's white
 * background (a green or light series): every chart's tooltip shows its values in the text colour instead.
 */
export const RECHARTS_TOOLTIP_ITEM_STYLE = { color: 'rgba(0, 0, 0, 0.87)' };

/**
 * recharts writes each legend label in its series' colour, which fails WCAG AA contrast for light series (a yellow
 * line, a light-grey bar): every chart's legend labels are in the theme's text colour; the swatch keeps the series
 * colour. Use as `<Legend formatter={legendLabel} />`.
 */
export const legendLabel = (value: string) =>
  createElement(Box, { component: 'span', color: 'text.primary' }, value);

/**
 * Colours for series that have no meaning of their own (one line per capability): the Okabe–Ito
 * palette, told apart by people with colour-vision deficiencies.
 */
export const SERIES_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** The catalog vocabulary of Platform Product Kit (DESIGN.md, "Catalog vocabulary"). */
export const ANNOTATIONS = {
  capability: 'platform-product.io/capability',
  need: 'platform-product.io/need',
  valueClass: 'platform-product.io/value-class',
  templates: 'platform-product.io/templates',
  mvpReviewDate: 'platform-product.io/mvp-review-date',
  successMetric: 'platform-product.io/success-metric',
} as const;

export const VALUE_CLASSES = ['differentiating', 'commodity'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
}

/** Marks an entity as a platform capability offered to other teams. */
export const CAPABILITY_ANNOTATION = 'platform-product.io/capability';

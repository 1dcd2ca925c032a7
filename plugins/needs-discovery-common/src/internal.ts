/** Reads a key only when it is the object's own, so ids such as "constructor" never resolve to the prototype. */
export function ownValue(
  record: Record<string, unknown>,
  key: string,
): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

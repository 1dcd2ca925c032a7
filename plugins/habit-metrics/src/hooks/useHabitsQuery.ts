import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  DEFAULT_RANGE_WEEKS,
  RANGE_WEEKS,
  rangeOfWeeks,
} from '../components/shared/format';

/**
 * The selected range (`?weeks=`) and capability (`?capability=`), kept in the URL so that a
 * drill-down and the way back keep them, and a view can be shared as a link.
 */
export function useHabitsQuery() {
  const [params, setParams] = useSearchParams();
  const weeksParam = Number(params.get('weeks'));
  const weeks = (RANGE_WEEKS as readonly number[]).includes(weeksParam)
    ? weeksParam
    : DEFAULT_RANGE_WEEKS;
  const capability = params.get('capability') ?? '';
  const range = useMemo(() => rangeOfWeeks(weeks), [weeks]);

  const update = useCallback(
    (key: string, value: string | undefined) =>
      setParams(
        previous => {
          const next = new URLSearchParams(previous);
          if (value) {
            next.set(key, value);
          } else {
            next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    weeks,
    capability,
    range,
    setWeeks: (value: number) =>
      update(
        'weeks',
        value === DEFAULT_RANGE_WEEKS ? undefined : String(value),
      ),
    setCapability: (value: string) => update('capability', value || undefined),
  };
}

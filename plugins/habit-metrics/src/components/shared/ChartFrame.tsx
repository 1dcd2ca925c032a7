import { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/**
 * A recharts chart at full width, announced to screen readers by `summary` (the chart's drawing
 * itself says nothing to them).
 */
export function ChartFrame(props: {
  summary: string;
  height: number;
  children: ReactElement;
}) {
  const { summary, height, children } = props;
  return (
    <div role="img" aria-label={summary} style={{ width: '100%' }}>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

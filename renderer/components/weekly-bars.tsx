import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { barsOpenRecords } from './bar-click';
import type { ShowCategory } from './indicator-card';

/**
 * A figure week by week (each bar a week, named by its Monday): a bar opens the records of its
 * week. Weeks with nothing to measure stay empty rather than reading as zero.
 */
export function WeeklyBars(props: {
  data: { week: string; value: number | null }[];
  label: string;
  color: string;
  format: (value: number) => string;
  show: ShowCategory;
  /** Counts: no tick between whole numbers. */
  integers?: boolean;
}) {
  if (props.data.every((d) => d.value === null)) return undefined;
  return (
    <>
      <Text fz="sm" mt="sm" c="dimmed">
        Week by week ({props.label}, weeks starting Monday)
      </Text>
      <BarChart
        h={140}
        data={props.data.map((d) => ({ week: d.week, value: d.value }))}
        dataKey="week"
        series={[{ name: 'value', label: props.label, color: props.color }]}
        valueFormatter={props.format}
        barProps={barsOpenRecords(props.show, 'week')}
        xAxisProps={{ tickFormatter: (week: string) => week.slice(5) }}
        {...(props.integers ? { yAxisProps: { allowDecimals: false } } : {})}
      />
    </>
  );
}

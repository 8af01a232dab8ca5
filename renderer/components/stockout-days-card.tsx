import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { byWeek, weekOf, type Period, type Stockouts } from '../../shared/indicators';
import { barsOpenRecords } from './bar-click';
import { IndicatorCard, type ShowCategory } from './indicator-card';
import { stockoutDaysWords } from './indicator-words';
import { WeeklyBars } from './weekly-bars';

/** Day by day up to a month; 90 bars would be too thin to tap, so longer periods go by week. */
const DAILY_UP_TO = 31;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The stockouts card: the stockout days of the period (stockout-days.ts), a day-by-day or
 * week-by-week chart whose bars open their days, and the item-locations out on each day, newest
 * first, by name.
 */
export function StockoutDaysCard(props: {
  stockouts: Stockouts | undefined;
  /** Whether anything was issued in the period or the 30 days before it. */
  used: boolean;
  period: Period;
  name: (itemId: string) => string;
  place: (locationId: string) => string;
}) {
  const { stockouts, period, name, place } = props;
  const words = stockoutDaysWords(stockouts, props.used);
  const daily = (stockouts?.byDay.length ?? 0) <= DAILY_UP_TO;
  // An empty chart (axes and nothing on them) says less than the caption does.
  const charted = stockouts !== undefined && stockouts.stockoutDays > 0;
  return (
    <IndicatorCard
      id="stockouts"
      figure={words.figure}
      caption={words.caption}
      chart={
        charted
          ? (show) =>
              daily ? (
                <DailyBars byDay={stockouts.byDay} show={show} />
              ) : (
                <WeeklyBars
                  data={byWeek(stockouts.days, (d) => d.date, period).map((w) => ({
                    week: w.week,
                    value: w.records.length,
                  }))}
                  label="Stockout days"
                  color="red.8"
                  // The axis reads the same words: a plain number keeps it narrow.
                  format={String}
                  show={show}
                  integers
                />
              )
          : undefined
      }
      count={stockouts?.days.length ?? 0}
      records={() => {
        const rows = (stockouts?.days ?? [])
          .map((d) => ({ date: d.date, item: name(d.itemId), location: place(d.locationId) }))
          .sort(
            (a, b) =>
              compareText(b.date, a.date) ||
              compareText(a.item, b.item) ||
              compareText(a.location, b.location),
          );
        return {
          columns: ['Day', 'Item', 'Location'],
          rows: rows.map((r) => [r.date, r.item, r.location]),
          categories: rows.map((r) => [r.date, weekOf(r.date)]),
        };
      }}
    />
  );
}

/** Item-locations out at the end of each day; a bar opens that day's records. */
function DailyBars(props: {
  byDay: readonly { date: string; itemLocations: number }[];
  show: ShowCategory;
}) {
  return (
    <>
      <Text fz="sm" mt="sm" c="dimmed">
        Day by day (item-locations out at the end of the day)
      </Text>
      <BarChart
        h={140}
        data={props.byDay.map((d) => ({ day: d.date, value: d.itemLocations }))}
        dataKey="day"
        series={[{ name: 'value', label: 'Item-locations out', color: 'red.8' }]}
        valueFormatter={String}
        yAxisProps={{ allowDecimals: false }}
        barProps={barsOpenRecords(props.show, 'day')}
        xAxisProps={{ tickFormatter: (day: string) => day.slice(5) }}
      />
    </>
  );
}

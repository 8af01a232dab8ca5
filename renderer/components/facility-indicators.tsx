import { BarChart } from '@mantine/charts';
import { SegmentedControl, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { acknowledgeTargets } from '../../shared/replenishment/service-levels';
import {
  acknowledgementTimes,
  countAccuracy,
  expiryExposure,
  expiryWasteByMonth,
  fillRate,
  orderCycleTimes,
  recallResponse,
  stockoutRisksOfUsage,
  byWeek,
  unitsWastedToExpiry,
  weeklyShare,
  weekOf,
} from '../../shared/indicators';
import { useServices } from '../app/services';
import { useStockData } from '../app/stock-data';
import {
  DEFAULT_FIGURE_DAYS,
  digestFigures,
  digestStockouts,
  figuresPeriod,
} from '../app/dashboard-folds';
import { useLedgerDigest } from '../app/use-ledger-digest';
import { useKeptQuery } from '../app/use-live';
import { useNow } from '../app/use-now';
import { useServiceLevels } from '../app/use-service-levels';
import { barsOpenRecords } from './bar-click';
import { IndicatorCard } from './indicator-card';
import { StockoutDaysCard } from './stockout-days-card';
import { WeeklyBars } from './weekly-bars';
import { acknowledgementCaption, hoursWords, recallResponseWords } from './indicator-words';
import { when } from '../app/when';

const PERIODS = [
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const hours = (h: number | null) => (h === null ? '—' : hoursWords(h));
const pct = (share: number | null) => (share === null ? null : Math.round(share * 100));
const bandLabel = (withinDays: number) => `≤ ${withinDays} days`;
// One formatter for every amount: toLocaleString with options builds a new one per call.
const MONEY = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const money = (value: number) => MONEY.format(value);

/**
 * The facility's figures on the stockroom dashboard, from the local store alone (offline too).
 * Each definition lives in shared/indicators; this only picks the records and draws them.
 */
export function FacilityIndicators() {
  const data = useStockData();
  const { db } = useServices();
  const now = useNow();
  const levels = useServiceLevels();
  const [days, setDays] = useState(String(DEFAULT_FIGURE_DAYS));
  const { period, since } = useMemo(
    () => figuresPeriod(data.today, Number(days)),
    [data.today, days],
  );
  // Read from the window's digest of the ledger, kept as events arrive (see ledger-digest.ts).
  const ledger = useLedgerDigest(since);
  const cases = useKeptQuery(db.recall_cases);
  const notices = useKeptQuery(db.recall_notices);
  const name = (id: string) => data.itemById.get(id)?.name ?? id;
  const place = (id: string) => data.locationById.get(id)?.name ?? id;
  const cost = (itemId: string) => data.itemById.get(itemId)?.unitCost;

  const figures = useMemo(() => {
    // The digest's folds, usually made in an idle moment before this visit (dashboard-folds.ts).
    const folded = ledger ? digestFigures(ledger, since, period) : undefined;
    const usage = folded?.usage ?? new Map<string, Map<number, number>>();
    const wasted = folded?.wasted ?? [];
    // Undefined until the digest is read: the card says so rather than showing no stockouts.
    const stockouts = ledger ? digestStockouts(ledger, since, period, data.balances) : undefined;
    const accuracy = folded?.accuracy ?? countAccuracy([], period);
    const fill = fillRate(data.requests, period);
    return {
      accuracy,
      fill,
      weekly: {
        accuracy:
          folded?.accuracyWeeks ??
          weeklyShare(
            byWeek(accuracy.lines, (l) => l.occurredAt, period),
            (l) => l.withinTolerance,
          ),
        fill: weeklyShare(
          byWeek(fill.records, (r) => r.receivedAt, period),
          (r) => r.filled,
        ),
        waste: folded?.wasteWeeks ?? byWeek(wasted, (e) => e.occurredAt, period),
      },
      exposure: expiryExposure(data.balances, cost, data.today),
      waste: expiryWasteByMonth(wasted, cost, period),
      stockouts,
      used: usage.size > 0,
      risks: stockoutRisksOfUsage(data.balances, usage, data.parLevels, data.today),
      recalls: recallResponse(cases.docs, notices.docs, period),
      cycle: orderCycleTimes(data.requests, period),
      // The facility's own service levels, as its escalation badges use them.
      acknowledgement: acknowledgementTimes(data.requests, acknowledgeTargets(levels), period, now),
    };

    // `cost` reads data.itemById, which is part of `data`.
    // `ledger` is a new object whenever the digest (changed in place) takes new events.
  }, [data, ledger, since, cases.docs, notices.docs, period, now, levels]);
  const {
    accuracy,
    exposure,
    waste,
    stockouts,
    used,
    risks,
    recalls,
    cycle,
    fill,
    acknowledgement,
    weekly,
  } = figures;
  const wasteByEvent = weekly.waste.flatMap((w) => w.records.map((e) => ({ week: w.week, e })));
  const wasteUnits = waste.reduce((t, m) => t + m.units, 0);
  const wasteValue = waste.reduce((t, m) => t + m.value, 0);
  const recallWords = recallResponseWords(recalls.byClass, recalls.cases.length);
  // An empty chart (axes and nothing on them) says less than the caption does.
  const recallsCharted = recalls.byClass.some((c) => c.toQuarantined.median !== null);

  return (
    <Stack
      gap="sm"
      data-testid="facility-indicators"
      data-state={!ledger || cases.loading || notices.loading ? 'loading' : 'ready'}
    >
      <Title order={2} fz={24}>
        This stockroom's figures
      </Title>
      <SegmentedControl
        data={PERIODS}
        value={days}
        onChange={setDays}
        aria-label="Period of the figures"
        w="fit-content"
      />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        <StockoutDaysCard
          stockouts={stockouts}
          used={used}
          period={period}
          name={name}
          place={place}
        />
        <IndicatorCard
          id="stockout-risk"
          figure={`${risks.length} at risk`}
          caption="Fewer days of cover than the lead time."
          count={risks.length}
          records={() => ({
            columns: [
              'Item',
              'Location',
              'Available',
              'Used per day',
              'Days of cover',
              'Lead time',
            ],
            rows: risks.map((r) => [
              name(r.itemId),
              place(r.locationId),
              r.available,
              r.dailyUsage.toFixed(1),
              r.daysOfCover.toFixed(1),
              `${r.leadTimeDays} days`,
            ]),
          })}
        />
        <IndicatorCard
          id="expiring-value"
          figure={money(exposure.bands.find((b) => b.withinDays === 30)?.value ?? 0)}
          caption={`expiring within 30 days · ${exposure.expired.units} units already expired on the shelf`}
          chart={(show) => (
            <BarChart
              h={160}
              mt="sm"
              data={exposure.bands.map((b) => ({ band: bandLabel(b.withinDays), value: b.value }))}
              dataKey="band"
              series={[{ name: 'value', label: 'Value', color: 'orange.8' }]}
              valueFormatter={money}
              barProps={barsOpenRecords(show, 'band')}
            />
          )}
          count={exposure.lots.length}
          records={() => ({
            columns: ['Item', 'Lot', 'Location', 'Expiry', 'Days left', 'On hand', 'Value'],
            rows: exposure.lots.map((l) => [
              name(l.itemId),
              l.lotCode,
              place(l.locationId),
              l.expiry,
              l.daysLeft,
              l.onHand,
              money(l.value),
            ]),
            categories: exposure.lots.map((l) =>
              exposure.bands
                .filter((b) => l.daysLeft <= b.withinDays)
                .map((b) => bandLabel(b.withinDays)),
            ),
          })}
        />
        <IndicatorCard
          id="expiry-waste"
          figure={`${wasteUnits} units · ${money(wasteValue)}`}
          chart={(show) => (
            <WeeklyBars
              data={weekly.waste.map((w) => ({
                week: w.week,
                value: w.records.reduce((t, e) => t + unitsWastedToExpiry(e), 0),
              }))}
              label="Units"
              color="red.8"
              format={(v) => `${v} units`}
              show={show}
            />
          )}
          count={wasteByEvent.length}
          records={() => ({
            columns: ['Week', 'When', 'Item', 'Lot', 'Location', 'Units', 'Value'],
            rows: wasteByEvent.map(({ week, e }) => [
              week,
              when(e.occurredAt),
              name(e.itemId),
              e.lotCode,
              place(e.locationId),
              unitsWastedToExpiry(e),
              money(unitsWastedToExpiry(e) * (cost(e.itemId) ?? 0)),
            ]),
            categories: wasteByEvent.map(({ week }) => [week]),
          })}
        />
        <IndicatorCard
          id="count-accuracy"
          figure={percent(accuracy.accuracy)}
          caption={`${accuracy.withinTolerance} of ${accuracy.counts} counts within tolerance`}
          chart={(show) => (
            <WeeklyBars
              data={weekly.accuracy.map((w) => ({ week: w.week, value: pct(w.share) }))}
              label="Within tolerance, %"
              color="teal.8"
              format={(v) => `${v} %`}
              show={show}
            />
          )}
          count={accuracy.lines.length}
          records={() => ({
            columns: ['When', 'Item', 'Lot', 'Location', 'Book', 'Counted', 'Variance', 'Within'],
            rows: accuracy.lines.map((l) => [
              when(l.occurredAt),
              name(l.itemId),
              l.lotCode,
              place(l.locationId),
              l.expectedQuantity,
              l.countedQuantity,
              l.variance,
              l.withinTolerance ? 'yes' : 'no',
            ]),
            categories: accuracy.lines.map((l) => [weekOf(l.occurredAt)]),
          })}
        />
        <IndicatorCard
          id="recall-response"
          figure={recallWords.figure}
          caption={recallWords.caption}
          chart={
            recallsCharted
              ? (show) => (
                  <BarChart
                    h={160}
                    mt="sm"
                    barProps={barsOpenRecords(show, 'class')}
                    data={recalls.byClass.map((c) => ({
                      class: `Class ${c.recallClass}`,
                      median: c.toQuarantined.median ?? 0,
                      p90: c.toQuarantined.p90 ?? 0,
                    }))}
                    dataKey="class"
                    series={[
                      { name: 'median', label: 'Median hours', color: 'blue.8' },
                      { name: 'p90', label: 'p90 hours', color: 'grape.8' },
                    ]}
                  />
                )
              : undefined
          }
          count={recalls.cases.length}
          records={() => ({
            columns: ['Notice', 'Class', 'Received', 'To quarantine', 'To closed'],
            rows: recalls.cases.map((c) => [
              c.noticeId,
              c.recallClass,
              when(c.receivedAt),
              hours(c.hoursToQuarantined),
              hours(c.hoursToClosed),
            ]),
            categories: recalls.cases.map((c) => [`Class ${c.recallClass}`]),
          })}
        />
        <IndicatorCard
          id="fill-rate"
          figure={`${percent(fill.lineRate)} of lines`}
          caption={`filled complete on the first delivery; ${percent(fill.unitRate)} of units`}
          chart={(show) => (
            <WeeklyBars
              data={weekly.fill.map((w) => ({ week: w.week, value: pct(w.share) }))}
              label="Lines filled, %"
              color="blue.8"
              format={(v) => `${v} %`}
              show={show}
            />
          )}
          count={fill.records.length}
          records={() => ({
            columns: ['Request', 'Item', 'Requested', 'First delivery', 'Received', 'Filled'],
            rows: fill.records.map((r) => [
              r.requestId,
              name(r.itemId),
              String(r.requested),
              String(r.firstDelivery),
              when(r.receivedAt),
              r.filled ? 'yes' : 'no',
            ]),
            categories: fill.records.map((r) => [weekOf(r.receivedAt)]),
          })}
        />
        <IndicatorCard
          id="order-cycle-time"
          figure={hours(
            cycle.byPriority.find((p) => p.priority === 'routine')?.hours.median ?? null,
          )}
          caption="median, routine requests"
          count={cycle.requests.length}
          records={() => ({
            columns: ['Request', 'Priority', 'Submitted', 'Submitted → received'],
            rows: cycle.requests.map((r) => [
              r.requestId,
              r.priority,
              when(r.submittedAt),
              hours(r.hours),
            ]),
          })}
        />
        <IndicatorCard
          id="urgent-acknowledgement"
          figure={`${acknowledgement.late} late`}
          caption={acknowledgementCaption(
            acknowledgement.acknowledged,
            acknowledgement.requests.length,
          )}
          count={acknowledgement.requests.length}
          records={() => ({
            columns: ['Request', 'Priority', 'Minutes', 'Target', 'Late'],
            rows: acknowledgement.requests.map((r) => [
              r.requestId,
              r.priority,
              r.minutes === null ? 'waiting' : Math.round(r.minutes),
              r.targetMinutes ?? '—',
              r.late ? 'late' : 'on time',
            ]),
          })}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** How the Indicators screen writes its numbers; a missing figure is a dash, never a zero. */
export const percent = (share: number | null) =>
  share === null ? '—' : `${Math.round(share * 100)} %`;
export const hours = (h: number | null) => (h === null ? '—' : `${h.toFixed(1)} h`);
export const minutes = (m: number | null) => (m === null ? '—' : `${Math.round(m)} min`);
export const days = (d: number | null) => (d === null ? '—' : `${d.toFixed(1)} d`);
/** CSV cells keep full precision; an absent figure is an empty cell. */
export const cell = (value: number | null) => value ?? '';
// One formatter for every amount, as the stockroom's dashboard writes them.
const MONEY = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
export const money = (value: number) => MONEY.format(value);

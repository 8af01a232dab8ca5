import { MAX_SAFE_COUNTER } from '../../shared/model';

/** A bound on the server's last-write time: `column op instant`. */
export interface TimeBound {
  op: '>=' | '>' | '<=' | '<' | '=';
  at: Date;
}

export interface FhirSearch {
  lastUpdated: TimeBound[];
  facility: string | undefined;
  count: number;
  /** Our cursor (a documents seq): the page starts after it. */
  after: number;
  /** The parameters as received, for the self and next links. */
  echo: [string, string][];
}

export class SearchParamError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
    /** Our stable code for the refusal; most are a malformed search. */
    readonly code: string = 'INVALID_SEARCH',
  ) {
    super(message);
  }
}

export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 1000;
const KNOWN = new Set(['_lastUpdated', 'facility', '_count', '_cursor', '_format']);
const FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const PREFIXES = ['eq', 'ge', 'gt', 'le', 'lt'] as const;
type Prefix = (typeof PREFIXES)[number];

function validDay(text: string): Date | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const at = new Date(`${text}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March: a day that does not exist is refused, not moved.
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== text ? undefined : at;
}

/**
 * `_lastUpdated=[prefix]value`. A day stands for the whole day in UTC (FHIR compares ranges):
 * `ge2026-12-01` from its start, `gt2026-12-01` from the next day, `le`/`eq` to its end. A
 * date-time with its offset is an instant.
 */
export function lastUpdatedBounds(raw: string): TimeBound[] {
  const prefix = (PREFIXES as readonly string[]).includes(raw.slice(0, 2))
    ? (raw.slice(0, 2) as Prefix)
    : 'eq';
  const value = prefix === 'eq' && !raw.startsWith('eq') ? raw : raw.slice(2);
  const day = validDay(value);
  if (day) {
    const next = new Date(day.getTime() + 86_400_000);
    switch (prefix) {
      case 'ge':
        return [{ op: '>=', at: day }];
      case 'gt':
        return [{ op: '>=', at: next }];
      case 'le':
        return [{ op: '<', at: next }];
      case 'lt':
        return [{ op: '<', at: day }];
      case 'eq':
        return [
          { op: '>=', at: day },
          { op: '<', at: next },
        ];
    }
  }
  const at = new Date(value);
  if (!DATE_TIME.test(value) || Number.isNaN(at.getTime()) || !validDay(value.slice(0, 10))) {
    throw new SearchParamError(
      '_lastUpdated',
      `_lastUpdated "${raw}" is not a date (YYYY-MM-DD) or a date-time with its offset, after an optional prefix eq, ge, gt, le or lt.`,
    );
  }
  const op = { eq: '=', ge: '>=', gt: '>', le: '<=', lt: '<' } as const;
  return [{ op: op[prefix], at }];
}

/** Years 0001–9999, as FHIR dates and the database's timestamps both write them. */
function inRange(bounds: TimeBound[], raw: string): TimeBound[] {
  for (const { at } of bounds) {
    const year = at.getUTCFullYear();
    if (year < 1 || year > 9999) {
      throw new SearchParamError(
        '_lastUpdated',
        `_lastUpdated "${raw}" is outside the years 0001 to 9999.`,
      );
    }
  }
  return bounds;
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new SearchParamError(name, `${name} must be a whole number from ${min} to ${max}.`);
  }
  return n;
}

/** A facility id as the centre writes one. */
const FACILITY_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Longer than any value a real search carries (a date-time with nanoseconds and offset is 35). */
export const MAX_VALUE_LENGTH = 100;
/** Two _lastUpdated bounds, facility, _count, _cursor and _format, with room to spare. */
export const MAX_PARAMETERS = 12;
/** `_lastUpdated` may bound both ends; any other parameter given twice is a client fault. */
/** A name that can stand as the expression as it is. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;
const REPEATABLE = new Set(['_lastUpdated']);
const MAX_LAST_UPDATED = 2;

/**
 * A parameter name fit to quote back: control characters and quotes escaped, long names cut, so
 * a hostile name neither breaks the message nor fills it.
 */
export function quotedName(name: string): string {
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return JSON.stringify(shown);
}

function checkShape(pairs: readonly [string, string][]): void {
  if (pairs.length > MAX_PARAMETERS) {
    throw new SearchParamError(
      '',
      `The search has ${pairs.length} parameters; at most ${MAX_PARAMETERS} are read. Send _lastUpdated (up to twice), facility, _count and _cursor, each once.`,
    );
  }
  const seen = new Map<string, number>();
  for (const [name, value] of pairs) {
    if (!KNOWN.has(name)) {
      // A Set, not an object, decides: `__proto__` or `constructor` are unknown names like any
      // other. Only a plain name becomes the expression; anything else is quoted in the text.
      throw new SearchParamError(
        PLAIN_NAME.test(name) ? name : '',
        `The search parameter ${quotedName(name)} is not supported here; use _lastUpdated, facility, _count (and _cursor from a next link).`,
      );
    }
    if (value.length > MAX_VALUE_LENGTH) {
      throw new SearchParamError(
        name,
        `The value of ${name} is ${value.length} characters long; no valid value is longer than ${MAX_VALUE_LENGTH}. Send the value the parameter describes.`,
      );
    }
    if (value.includes('\0')) {
      throw new SearchParamError(
        name,
        `The value of ${name} holds a NUL character; remove it and send the value as text.`,
      );
    }
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    const limit = REPEATABLE.has(name) ? MAX_LAST_UPDATED : 1;
    if (times > limit) {
      const allowed = limit === 1 ? 'once' : `at most ${limit} times (a lower and an upper bound)`;
      throw new SearchParamError(name, `${name} is given ${times} times; give it ${allowed}.`);
    }
  }
}

/**
 * Reads a search's query string. Unknown parameters are refused (an ERP that misspells one
 * would otherwise read everything), as FHIR's strict handling does; so are repeats, since which
 * of two `_count`s wins is a guess the client should not have to make.
 */
export function parseSearch(pairs: readonly [string, string][]): FhirSearch {
  checkShape(pairs);
  const search: FhirSearch = {
    lastUpdated: [],
    facility: undefined,
    count: DEFAULT_COUNT,
    after: 0,
    echo: [],
  };
  for (const [name, value] of pairs) {
    if (name === '_format') {
      if (!FORMATS.has(value)) {
        throw new SearchParamError(name, 'Only JSON is served: _format=json.');
      }
      continue;
    }
    if (name === '_lastUpdated')
      search.lastUpdated.push(...inRange(lastUpdatedBounds(value), value));
    if (name === 'facility') {
      if (!FACILITY_ID.test(value)) {
        throw new SearchParamError(
          name,
          'facility must be a facility id: 1 to 64 letters, digits, ".", "_", ":" or "-".',
        );
      }
      search.facility = value;
    }
    if (name === '_count') search.count = wholeNumber(name, value, 1, MAX_COUNT);
    if (name === '_cursor') search.after = wholeNumber(name, value, 0, MAX_SAFE_COUNTER);
    if (name !== '_cursor') search.echo.push([name, value]);
  }
  return search;
}

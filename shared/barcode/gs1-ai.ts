import { GS1_AI_TABLE } from './gs1-ai-table';

// The AI table (gs1-ai-table.ts) parsed once into the definitions the parser and encoders use.

export type Gs1Charset = 'N' | 'X' | 'Y' | 'Z';

export interface Gs1Component {
  charset: Gs1Charset;
  min: number;
  max: number;
  optional: boolean;
  /** Checks by their dictionary name; gs1-ai-table.ts lists the ones enforced. */
  checks: readonly string[];
}

export interface Gs1AiDefinition {
  ai: string;
  title: string;
  components: readonly Gs1Component[];
  minLength: number;
  maxLength: number;
  /** Length fixed by the AI's first two digits (00–04, 11–20, 31–36, 41): never followed by GS. */
  predefinedLength: boolean;
  /** Implied decimal places of a measure or amount (the AI's last digit for 31nn–36nn, 39nn). */
  decimals?: number;
  /** Each entry must be met: one of its alternatives, each a list of AI patterns all present. */
  requires: readonly (readonly (readonly string[])[])[];
  /** AI patterns that must not appear with this one (`n` matches any digit). */
  excludes: readonly string[];
}

const PREDEFINED_LENGTH_PREFIX = /^(0[0-4]|1[1-9]|20|3[1-6]|41)/;
const COMPONENT = /^(\[)?([NXYZ])(\.\.)?(\d+)\]?((?:,\w+)*)$/;

function parseComponent(token: string): Gs1Component {
  const match = COMPONENT.exec(token);
  if (!match) throw new Error(`gs1-ai-table: bad component ${token}`);
  const [, bracket, charset, variable, length, checks] = match;
  const max = Number(length);
  return {
    charset: charset as Gs1Charset,
    min: variable ? 1 : max,
    max,
    optional: bracket !== undefined,
    checks: (checks ?? '').split(',').filter(Boolean),
  };
}

function parseLine(line: string): Gs1AiDefinition[] {
  const [spec = '', title = ''] = line.split(' # ');
  const [range = '', ...tokens] = spec.trim().split(/\s+/);
  const components = tokens.filter((t) => !t.includes('=')).map(parseComponent);
  const attribute = (key: string) =>
    tokens.filter((t) => t.startsWith(`${key}=`)).map((t) => t.slice(key.length + 1).split(','));
  const requires = attribute('req').map((alternatives) => alternatives.map((a) => a.split('+')));
  const excludes = attribute('ex').flat();
  const [first = '', last = first] = range.split('-');
  const definitions: Gs1AiDefinition[] = [];
  for (let n = Number(first); n <= Number(last); n++) {
    const ai = String(n).padStart(first.length, '0');
    const measure = /^3[1-69]\d\d$/.test(ai);
    definitions.push({
      ai,
      title,
      components,
      minLength: components.reduce((sum, c) => sum + (c.optional ? 0 : c.min), 0),
      maxLength: components.reduce((sum, c) => sum + c.max, 0),
      predefinedLength: PREDEFINED_LENGTH_PREFIX.test(ai),
      ...(measure ? { decimals: Number(ai[3]) } : {}),
      requires,
      excludes,
    });
  }
  return definitions;
}

const DEFINITIONS: ReadonlyMap<string, Gs1AiDefinition> = new Map(
  GS1_AI_TABLE.flatMap(parseLine).map((d) => [d.ai, d]),
);

export function gs1Ai(ai: string): Gs1AiDefinition | undefined {
  return DEFINITIONS.get(ai);
}

export function allGs1Ais(): Gs1AiDefinition[] {
  return [...DEFINITIONS.values()];
}

/**
 * The definitions again, indexed by the AI's value as a number, one array per AI length (2, 3, 4
 * digits): finding the AI at a position of a scan is then digit arithmetic and an array read,
 * with no string cut out and hashed for each length tried.
 */
const BY_LENGTH_AND_VALUE: readonly (readonly (Gs1AiDefinition | undefined)[])[] = (() => {
  // Filled to full size up front, so the engine keeps each a flat array rather than a sparse map.
  const tables = [2, 3, 4].map((length) =>
    new Array<Gs1AiDefinition | undefined>(10 ** length).fill(undefined),
  );
  for (const [ai, definition] of DEFINITIONS) {
    const table = tables[ai.length - 2];
    if (table === undefined || !/^\d+$/.test(ai)) throw new Error(`gs1-ai-table: bad AI ${ai}`);
    table[Number(ai)] = definition;
  }
  return tables;
})();

/**
 * The AI that starts at `position`, if any: AIs are prefix-free, so at most one matches (were they
 * not, the shortest would win, as reading digit by digit finds it).
 */
export function gs1AiAt(text: string, position: number): Gs1AiDefinition | undefined {
  let value = 0;
  for (let length = 1; length <= 4; length++) {
    const code = text.charCodeAt(position + length - 1);
    // Past the end charCodeAt answers NaN, which is no digit either.
    if (!(code >= 48 && code <= 57)) return undefined;
    value = value * 10 + (code - 48);
    if (length >= 2) {
      const definition = BY_LENGTH_AND_VALUE[length - 2]?.[value];
      if (definition) return definition;
    }
  }
  return undefined;
}

const N_WILDCARD = 0x6e; // 'n'

/** `pattern` is an AI or one with trailing `n` wildcards, as in the dictionary (`31nn`, `310n`). */
export function gs1AiMatches(pattern: string, ai: string): boolean {
  if (pattern.length !== ai.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c !== N_WILDCARD && c !== ai.charCodeAt(i)) return false;
  }
  return true;
}

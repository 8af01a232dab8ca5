import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScan } from '../../shared/barcode/index';

interface SyntaxCase {
  name: string;
  input: string;
  accept: boolean;
  code?: string;
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/barcode/gs1-syntax-engine.json', import.meta.url), 'utf8'),
) as { today: string; cases: SyntaxCase[] };

describe('GS1 syntax engine-style cases: our parser agrees on every one', () => {
  it.each(fixture.cases)('$name', ({ input, accept, code }) => {
    const result = parseScan(input, { today: fixture.today });
    const verdict = result.ok
      ? 'accepted'
      : `refused ${result.error.code}: ${result.error.message}`;
    expect(result.ok, verdict).toBe(accept);
    if (!result.ok && code !== undefined) expect(result.error.code).toBe(code);
    // A refusal always says what to do next, in words the person at the scanner can follow.
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(20);
  });
});

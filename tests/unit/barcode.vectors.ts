import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import {
  linkHibccScans,
  parseScan,
  type ScanOptions,
  type ScanResult,
} from '../../shared/barcode/index';

/**
 * The example vectors in tests/fixtures/barcode/*.json, worked out by hand from DOMAIN.md. A vector
 * expects either the whole result (apart from message texts) or an error code, standard and
 * position; `linkWith` names a primary HIBCC scan the vector's secondary is linked to.
 */
export interface Vector {
  name: string;
  input: string;
  today: string;
  options?: Omit<ScanOptions, 'today'>;
  linkWith?: string;
  note?: string;
  result?: Record<string, unknown>;
  warnings?: string[];
  error?: { ok: false; standard?: string; symbology?: string; code: string; position?: number };
}

export const VECTOR_FILES = [
  'gs1',
  'digital-link',
  'hibcc',
  'isbt128',
  'gtin',
  'dates',
  'scan-input',
] as const;

export function loadVectors(file: (typeof VECTOR_FILES)[number]): Vector[] {
  const url = new URL(`../fixtures/barcode/${file}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { vectors: Vector[] }).vectors;
}

export function scanVector(vector: Vector): ScanResult {
  const options: ScanOptions = { today: vector.today, ...vector.options };
  const result = parseScan(vector.input, options);
  if (vector.linkWith === undefined) return result;
  return linkHibccScans(parseScan(vector.linkWith, options), result);
}

const UNFILLED_PLACEHOLDER = /\{[a-z]\w*\}/;

export function expectVector(vector: Vector): void {
  const result = scanVector(vector);
  if (vector.result) {
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
    const { warnings, ...rest } = result;
    expect(rest).toEqual(vector.result);
    expect(warnings.map((w) => w.code).sort()).toEqual([...(vector.warnings ?? [])].sort());
    for (const warning of warnings) expect(warning.message).not.toMatch(UNFILLED_PLACEHOLDER);
    return;
  }
  if (!vector.error)
    throw new Error(`vector "${vector.name}" expects neither a result nor an error`);
  if (result.ok) throw new Error(`expected ${vector.error.code}, got ${JSON.stringify(result)}`);
  expect({
    ok: result.ok,
    standard: result.standard,
    symbology: result.symbology,
    code: result.error.code,
    position: result.error.position,
  }).toEqual(vector.error);
  expect(result.error.message).not.toMatch(UNFILLED_PLACEHOLDER);
}

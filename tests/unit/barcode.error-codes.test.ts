import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, WARNING_MESSAGES } from '../../shared/barcode/index';
import { loadVectors, VECTOR_FILES } from './barcode.vectors';

const vectors = VECTOR_FILES.flatMap(loadVectors);

describe('error codes', () => {
  // INTERNAL_ERROR is the safety net for a parser fault; no input is meant to reach it.
  const reachable = Object.keys(ERROR_MESSAGES).filter((code) => code !== 'INTERNAL_ERROR');

  it.each(reachable)('%s is produced by at least one example vector', (code) => {
    expect(vectors.some((v) => v.error?.code === code)).toBe(true);
  });

  it.each(Object.keys(WARNING_MESSAGES))(
    '%s is produced by at least one example vector',
    (code) => {
      expect(vectors.some((v) => v.warnings?.includes(code))).toBe(true);
    },
  );

  it('are upper snake case, so they can be matched on without surprises', () => {
    for (const code of [...reachable, ...Object.keys(WARNING_MESSAGES)]) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    }
  });

  it('every message tells the person what to do next', () => {
    for (const message of Object.values(ERROR_MESSAGES)) {
      expect(message).toMatch(
        /rescan|scan|enter|check|configure|report|record|turn|use|the app|barcodes/i,
      );
    }
  });
});

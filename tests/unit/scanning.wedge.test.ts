import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GS,
  WedgeDecoder,
  visibleCharacters,
  type WedgeKey,
  type WedgeOutput,
} from '../../renderer/scanning/wedge-decoder';

const down = (key: string, time: number, mods: Partial<WedgeKey> = {}): WedgeKey => ({
  type: 'keydown',
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  time,
  ...mods,
});

/** Plays keystrokes as a scanner or a person would, returning what reached the page and the outputs. */
function play(decoder: WedgeDecoder, keys: WedgeKey[]) {
  const outputs: WedgeOutput[] = [];
  const passed: string[] = [];
  for (const key of keys) {
    const verdict = decoder.handle(key);
    outputs.push(...verdict.outputs);
    if (!verdict.swallow && key.type === 'keydown') passed.push(key.key);
  }
  outputs.push(...decoder.expire((keys.at(-1)?.time ?? 0) + 10_000));
  return { outputs, passed };
}

function typeText(text: string, start: number, gap: number): WedgeKey[] {
  return [...text].map((c, i) =>
    c === GS ? down(']', start + i * gap, { ctrlKey: true }) : down(c, start + i * gap),
  );
}

const printable = fc.string({
  unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz-./+$%'),
  minLength: 4,
  maxLength: 60,
});

describe('keyboard-wedge scans', () => {
  it('a fast burst ending in Enter is one scan whose keys never reach the field', () => {
    fc.assert(
      fc.property(printable, fc.integer({ min: 1, max: 30 }), (text, gap) => {
        const keys = [...typeText(text, 1000, gap), down('Enter', 1000 + text.length * gap)];
        const { outputs, passed } = play(new WedgeDecoder(), keys);
        expect(outputs).toEqual([{ kind: 'scan', raw: text, text, durationMs: text.length * gap }]);
        expect(passed).toEqual([]);
      }),
    );
  });

  it('a person typing slowly gets every character back as typing and never a scan', () => {
    fc.assert(
      fc.property(printable, fc.integer({ min: 120, max: 400 }), (text, gap) => {
        const keys = [...typeText(text, 0, gap), down('Enter', text.length * gap)];
        const { outputs, passed } = play(new WedgeDecoder(), keys);
        expect(outputs.every((o) => o.kind === 'typed')).toBe(true);
        expect(outputs.map((o) => (o.kind === 'typed' ? o.text : '')).join('')).toBe(text);
        expect(passed).toEqual(['Enter']);
      }),
    );
  });

  it('Ctrl+] becomes GS inside a scan', () => {
    const text = `0109504000059101${GS}10ABC${GS}17290331`;
    const { outputs } = play(new WedgeDecoder(), [
      ...typeText(text, 0, 4),
      down('Enter', text.length * 4),
    ]);
    expect(outputs).toEqual([expect.objectContaining({ kind: 'scan', text })]);
  });

  it('Alt+0029 on the numeric keypad becomes GS', () => {
    const alt = { altKey: true };
    const keys = [
      ...typeText('0109504000059101', 0, 3),
      down('0', 50, alt),
      down('0', 51, alt),
      down('2', 52, alt),
      down('9', 53, alt),
      { ...down('Alt', 54), type: 'keyup' as const },
      ...typeText('10ABC', 55, 3),
      down('Enter', 75),
    ];
    const { outputs } = play(new WedgeDecoder(), keys);
    expect(outputs).toEqual([
      expect.objectContaining({ kind: 'scan', raw: `0109504000059101${GS}10ABC` }),
    ]);
  });

  it('Alt+0029 with Num Lock off (Insert, Insert, ArrowDown, PageUp) still becomes GS', () => {
    const alt = (key: string, code: string, time: number) =>
      down(key, time, { altKey: true, code });
    const keys = [
      ...typeText('0109504000059101', 0, 3),
      alt('Insert', 'Numpad0', 50),
      alt('Insert', 'Numpad0', 51),
      alt('ArrowDown', 'Numpad2', 52),
      alt('PageUp', 'Numpad9', 53),
      { ...down('Alt', 54), type: 'keyup' as const },
      ...typeText('10ABC', 55, 3),
      down('Enter', 75),
    ];
    const { outputs } = play(new WedgeDecoder(), keys);
    expect(outputs).toEqual([
      expect.objectContaining({ kind: 'scan', raw: `0109504000059101${GS}10ABC` }),
    ]);
  });

  it('configured stand-ins for FNC1 are replaced, and the raw text is kept', () => {
    const decoder = new WedgeDecoder({
      maxGapMs: 60,
      minLength: 4,
      stallToleranceMs: 600,
      terminators: ['Enter'],
      replacements: ['<GS>', '^'],
      fieldMaxMeanGapMs: 30,
    });
    const raw = '0109504000059101^10ABC<GS>21X';
    const { outputs } = play(decoder, [...typeText(raw, 0, 2), down('Enter', 100)]);
    expect(outputs).toEqual([
      expect.objectContaining({ raw, text: `0109504000059101${GS}10ABC${GS}21X` }),
    ]);
  });

  it('a quick short entry such as "12⏎" is typing, and Enter reaches the form', () => {
    const { outputs, passed } = play(new WedgeDecoder(), [
      down('1', 0),
      down('2', 20),
      down('Enter', 40),
    ]);
    expect(outputs).toEqual([{ kind: 'typed', text: '12' }]);
    expect(passed).toEqual(['Enter']);
  });

  it('a pause in the middle splits the burst: the held part is handed back as typing', () => {
    const keys = [...typeText('ABCD', 0, 5), ...typeText('EFGH', 1000, 5), down('Enter', 1020)];
    const { outputs } = play(new WedgeDecoder(), keys);
    expect(outputs).toEqual([
      { kind: 'typed', text: 'ABCD' },
      { kind: 'scan', raw: 'EFGH', text: 'EFGH', durationMs: 20 },
    ]);
  });

  it('a busy PC stalling a scan mid-label does not split it once the burst is established', () => {
    const label = `0109504000059101${GS}10ABC`;
    const keys = [
      ...typeText(label.slice(0, 10), 0, 5),
      ...typeText(label.slice(10), 450, 5),
      down('Enter', 520),
    ];
    const { outputs, passed } = play(new WedgeDecoder(), keys);
    expect(outputs).toEqual([expect.objectContaining({ kind: 'scan', text: label })]);
    expect(passed).toEqual([]);
  });

  it('a stall longer than the tolerance still splits, and the first part is typing', () => {
    const keys = [...typeText('ABCDEFGH', 0, 5), ...typeText('IJKL', 2000, 5), down('Enter', 2030)];
    const { outputs } = play(new WedgeDecoder(), keys);
    expect(outputs[0]).toEqual({ kind: 'typed', text: 'ABCDEFGH' });
    expect(outputs[1]).toMatchObject({ kind: 'scan', text: 'IJKL' });
  });

  it('shows GS and other control characters visibly', () => {
    expect(visibleCharacters(`01${GS}10\r`)).toBe('01‹GS›10\\x0d');
  });
});

describe('keyboard-wedge scans with focus in a field', () => {
  const inField = (keys: WedgeKey[]) => keys.map((k) => ({ ...k, inField: true }));
  const sentence = fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,'),
    minLength: 4,
    maxLength: 60,
  });

  it('a person typing a reason at 40–80 ms per key, then Enter, keeps every character', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 40, max: 80 }), (text, gap) => {
        const keys = inField([...typeText(text, 0, gap), down('Enter', text.length * gap)]);
        const { outputs, passed } = play(new WedgeDecoder(), keys);
        expect(outputs.every((o) => o.kind === 'typed')).toBe(true);
        expect(outputs.map((o) => o.text).join('')).toBe(text);
        expect(passed).toContain('Enter');
      }),
    );
  });

  it('a person typing at human pace (40–300 ms, varying) never produces a scan', () => {
    fc.assert(
      fc.property(
        sentence,
        fc.array(fc.integer({ min: 40, max: 300 }), { minLength: 60, maxLength: 60 }),
        (text, gaps) => {
          let time = 0;
          const keys = [...text].map((c, i) => down(c, (time += gaps[i] ?? 100)));
          keys.push(down('Enter', time + 60));
          const { outputs } = play(new WedgeDecoder(), inField(keys));
          expect(outputs.some((o) => o.kind === 'scan')).toBe(false);
          expect(outputs.map((o) => o.text).join('')).toBe(text);
        },
      ),
    );
  });

  it('a scanner at 1–20 ms per key is still a scan in a field, even with one stall', () => {
    const label = fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEF'),
      minLength: 16,
      maxLength: 48,
    });
    fc.assert(
      fc.property(
        label,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 150 }),
        (text, gap, stall) => {
          const keys = typeText(text, 0, gap).map((k, i) =>
            i >= text.length / 2 ? { ...k, time: k.time + stall } : k,
          );
          keys.push(down('Enter', (keys.at(-1)?.time ?? 0) + gap));
          const { outputs, passed } = play(new WedgeDecoder(), inField(keys));
          expect(outputs).toEqual([expect.objectContaining({ kind: 'scan', raw: text })]);
          expect(passed).toEqual([]);
        },
      ),
    );
  });

  it('outside a field the old rule stands: a 45 ms burst with Enter is a scan', () => {
    const { outputs } = play(new WedgeDecoder(), [
      ...typeText('SRB-100101', 0, 45),
      down('Enter', 460),
    ]);
    expect(outputs).toEqual([expect.objectContaining({ kind: 'scan', raw: 'SRB-100101' })]);
  });
});

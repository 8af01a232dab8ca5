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

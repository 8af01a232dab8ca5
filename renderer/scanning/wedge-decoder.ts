import { DoubleReadGuard } from './double-read';
/**
 * Tells a keyboard-wedge scanner's burst from a person typing. Scanners type a whole label in a
 * few milliseconds per key and end it with a terminator (Enter); people type 100+ ms apart. Every
 * printable key is held back while a burst may be under way: a burst ending in the terminator is a
 * scan (its keys never reach the focused field), anything else is handed back as typed text.
 */
export const GS = '\u001d';

export interface WedgeSettings {
  /** Longest pause between two keys of one scan. */
  maxGapMs: number;
  /** Shortest scan; shorter bursts are typing (a person's quick "12⏎"). */
  minLength: number;
  /**
   * Once `minLength` keys have come at scanner speed, a longer pause is tolerated up to this: a
   * busy PC can stall a scanner's keystrokes mid-label, and splitting the label would lose it.
   */
  stallToleranceMs: number;
  /** Keys that end a scan. */
  terminators: readonly string[];
  /** Strings a scanner is configured to send for FNC1, turned into GS. */
  replacements: readonly string[];
  /**
   * In a text field a fast typist reaches 40–60 ms per key, inside `maxGapMs`: there a burst must
   * average at most this per key to be a scan. Scanners type a few ms per key, so a stall or two
   * mid-label still averages well below it.
   */
  fieldMaxMeanGapMs: number;
}

export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = {
  maxGapMs: 80,
  minLength: 4,
  stallToleranceMs: 600,
  terminators: ['Enter'],
  replacements: ['<GS>', '{GS}'],
  fieldMaxMeanGapMs: 30,
};

export interface WedgeKey {
  type: 'keydown' | 'keyup';
  key: string;
  /** Physical key (KeyboardEvent.code), e.g. `Numpad2`; optional for callers that lack it. */
  code?: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Milliseconds, any monotonic origin (KeyboardEvent.timeStamp). */
  time: number;
  /** Focus is in a field a person types into (a text box, a quantity, a reason). */
  inField?: boolean;
}

export type WedgeOutput =
  | {
      kind: 'scan';
      raw: string;
      text: string;
      durationMs: number;
      /** The same label again straight after the last scan, nothing pressed between (double-read.ts). */
      doubleRead?: true;
    }
  | { kind: 'typed'; text: string };

export interface WedgeVerdict {
  /** The key must not reach the page (it belongs to a possible scan). */
  swallow: boolean;
  outputs: WedgeOutput[];
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/** Replaces each configured stand-in for FNC1 by GS. */
export function normaliseSeparators(raw: string, replacements: readonly string[]): string {
  return replacements.reduce((text, stand) => (stand ? text.split(stand).join(GS) : text), raw);
}

export class WedgeDecoder {
  private held = '';
  private firstAt = 0;
  private lastAt = 0;
  private altDigits = '';
  /** Every key of the held text so far came at scanner speed. */
  private fast = true;
  /** The held keys were typed with focus in a field. */
  private inField = false;

  private readonly doubles = new DoubleReadGuard();

  constructor(private readonly settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS) {}

  /** Feeds one key event; the caller prevents default when `swallow` is true. */
  handle(event: WedgeKey): WedgeVerdict {
    const outputs = this.expire(event.time);
    if (event.type === 'keyup') {
      if (event.key === 'Alt' && this.altDigits) {
        const code = Number.parseInt(this.altDigits, 10);
        this.altDigits = '';
        this.hold(String.fromCharCode(code), event.time);
        return { swallow: true, outputs };
      }
      return { swallow: false, outputs };
    }
    if (MODIFIERS.has(event.key)) return { swallow: false, outputs };
    // Alt + numeric keypad digits: the Windows way a scanner types GS (Alt+0029).
    // With Num Lock off the keypad reports Insert, End, ArrowDown…: read the digit from the code.
    const keypad = /^Numpad([0-9])$/.exec(event.code ?? '')?.[1];
    const digit = keypad ?? (/^[0-9]$/.test(event.key) ? event.key : undefined);
    if (event.altKey && !event.ctrlKey && digit !== undefined) {
      this.altDigits += digit;
      return { swallow: true, outputs };
    }
    const char = this.character(event);
    if (char !== undefined) {
      if (!this.held) this.inField = event.inField === true;
      this.hold(char, event.time);
      return { swallow: true, outputs };
    }
    if (this.settings.terminators.includes(event.key) && this.held) {
      const raw = this.held;
      const durationMs = event.time - this.firstAt;
      this.held = '';
      if (raw.length >= this.settings.minLength && this.scannerPaced(raw.length, durationMs)) {
        const text = normaliseSeparators(raw, this.settings.replacements);
        const doubleRead = this.doubles.repeats(text, this.firstAt, event.time);
        outputs.push({
          kind: 'scan',
          raw,
          text,
          durationMs,
          ...(doubleRead ? { doubleRead } : {}),
        });
        return { swallow: true, outputs };
      }
      this.doubles.interrupt();
      outputs.push(...typed(raw));
      return { swallow: false, outputs };
    }
    // Any other key (Backspace, arrows, shortcuts, a lone Enter) ends a would-be burst: it was
    // typing, and the person acted between any two scans around it.
    this.doubles.interrupt();
    outputs.push(...this.flush());
    return { swallow: false, outputs };
  }

  /** Hands back held keys as typing once the pause shows no scanner is typing them. */
  expire(now: number): WedgeOutput[] {
    if (this.held && now - this.lastAt > this.pauseLimit()) return this.flush();
    return [];
  }

  /**
   * Outside a field any burst within `maxGapMs` per key is a scan; in a field only one typed at
   * scanner pace (the terminator's gap included) — a person's quick sentence and Enter is text.
   */
  private scannerPaced(length: number, durationMs: number): boolean {
    if (!this.inField) return true;
    return durationMs / length <= this.settings.fieldMaxMeanGapMs;
  }

  /** How long the held keys may wait for the next one. */
  pauseLimit(): number {
    const burst =
      this.fast &&
      this.held.length >= this.settings.minLength &&
      this.scannerPaced(this.held.length, this.lastAt - this.firstAt);
    return burst
      ? Math.max(this.settings.stallToleranceMs, this.settings.maxGapMs)
      : this.settings.maxGapMs;
  }

  /** True while keys are held back; the caller schedules `expire` after maxGapMs. */
  get holding(): boolean {
    return this.held.length > 0;
  }

  private character(event: WedgeKey): string | undefined {
    if (event.key === GS) return GS;
    if (event.ctrlKey && !event.altKey && event.key === ']') return GS;
    if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
    return [...event.key].length === 1 ? event.key : undefined;
  }

  private hold(char: string, time: number): void {
    if (!this.held) {
      this.firstAt = time;
      this.fast = true;
    } else if (time - this.lastAt > this.settings.maxGapMs) {
      this.fast = false;
    }
    this.held += char;
    this.lastAt = time;
  }

  private flush(): WedgeOutput[] {
    const text = this.held;
    this.held = '';
    if (text) this.doubles.interrupt();
    return typed(text);
  }
}

function typed(text: string): WedgeOutput[] {
  // Control characters typed by a person (a stray Ctrl+]) have no place in a text field.
  const printable = [...text].filter((c) => c >= ' ').join('');
  return printable ? [{ kind: 'typed', text: printable }] : [];
}

/** Shows GS and other control characters so a person can see what the scanner sent. */
export function visibleCharacters(raw: string): string {
  return [...raw]
    .map((c) =>
      c === GS ? '‹GS›' : c < ' ' ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c,
    )
    .join('');
}

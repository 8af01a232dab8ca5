import { WedgeDecoder, type WedgeOutput, type WedgeSettings } from './wedge-decoder';

export interface WedgeScan {
  raw: string;
  text: string;
  durationMs: number;
  source: 'wedge' | 'camera';
  /** A wedge scanner's second read of the same label (double-read.ts). */
  doubleRead?: true;
}

function isEditable(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement) return !element.readOnly && !element.disabled;
  return element instanceof HTMLTextAreaElement || (element as HTMLElement).isContentEditable;
}

/**
 * Listens on the whole window in the capture phase, so a scan is caught whatever has focus and
 * its keys never land in the focused field. Held keys that turn out to be typing are inserted
 * into the focused field as if typed (execCommand keeps React's onChange and undo working).
 */
export function attachWedge(
  target: Window,
  settings: WedgeSettings,
  onScan: (scan: WedgeScan) => void,
): () => void {
  const decoder = new WedgeDecoder(settings);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (outputs: WedgeOutput[]) => {
    for (const output of outputs) {
      if (output.kind === 'scan') {
        onScan({
          raw: output.raw,
          text: output.text,
          durationMs: output.durationMs,
          source: 'wedge',
          ...(output.doubleRead ? { doubleRead: output.doubleRead } : {}),
        });
      } else if (isEditable(target.document.activeElement)) {
        target.document.execCommand('insertText', false, output.text);
      }
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    if (decoder.holding) {
      timer = setTimeout(
        () => deliver(decoder.expire(performance.now())),
        decoder.pauseLimit() + 5,
      );
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    const verdict = decoder.handle({
      type: event.type === 'keyup' ? 'keyup' : 'keydown',
      key: event.key,
      code: event.code,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      time: event.timeStamp,
      inField: isEditable(target.document.activeElement),
    });
    if (verdict.swallow) {
      event.preventDefault();
      event.stopPropagation();
    }
    deliver(verdict.outputs);
    schedule();
  };
  target.addEventListener('keydown', onKey, true);
  target.addEventListener('keyup', onKey, true);
  return () => {
    if (timer) clearTimeout(timer);
    target.removeEventListener('keydown', onKey, true);
    target.removeEventListener('keyup', onKey, true);
  };
}

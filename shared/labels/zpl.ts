import type { LabelSymbology, RelabelContent } from './relabel-label';

const GS = '\u001d';

/** One ZPL label (ZPL II, 203 dpi) with `copies` prints of it. */
export interface ZplOptions {
  symbology: LabelSymbology;
  copies: number;
  /** Printed above the symbol: the item's name, cut to what fits on a 2-inch label. */
  title: string;
}

/**
 * Text printed as a ZPL text field. `^` and `~` would start a command; ZPL has no escape for them
 * in plain ^FD text, so they are dropped (GS1 character set 82 holds neither).
 */
function zplText(text: string): string {
  return text.replace(/[\^~\r\n]/g, ' ').slice(0, 40);
}

/**
 * Code 128 data in ZPL's invocation codes: start C with FNC1 for the numeric head ((01) and (17)
 * are an even run of digits), code B for the rest, FNC1 (>8) where GS separated fields, and `>`
 * written as `><`.
 */
function code128Data(elementString: string): string {
  const numericHead = /^\d+/.exec(elementString)?.[0] ?? '';
  const evenHead = numericHead.slice(0, numericHead.length - (numericHead.length % 2));
  const rest = elementString.slice(evenHead.length);
  const restData = rest.replace(/>/g, '><').split(GS).join('>8');
  return `>;>8${evenHead}${rest === '' ? '' : `>6${restData}`}`;
}

/** DataMatrix ECC 200 data with `_` declared as the escape: `_1` is FNC1, `__` an underscore. */
function dataMatrixData(elementString: string): string {
  return `_1${elementString.replace(/_/g, '__').split(GS).join('_1')}`;
}

export function zplLabel(content: RelabelContent, options: ZplOptions): string {
  const copies = Math.max(1, Math.min(99, Math.trunc(options.copies)));
  const symbol =
    options.symbology === 'gs1-128'
      ? `^FO30,60^BY2^BCN,110,N,N,N,N^FD${code128Data(content.elementString)}^FS`
      : `^FO30,60^BXN,6,200,,,,_^FD${dataMatrixData(content.elementString)}^FS`;
  const textTop = options.symbology === 'gs1-128' ? 185 : 230;
  return [
    '^XA',
    '^CI28',
    `^PQ${copies}`,
    `^FO30,20^A0N,28,28^FD${zplText(options.title)}^FS`,
    symbol,
    `^FO30,${textTop}^A0N,26,26^FD${zplText(content.humanReadable)}^FS`,
    '^XZ',
    '',
  ].join('\n');
}

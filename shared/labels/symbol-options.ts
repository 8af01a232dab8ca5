import type { LabelSymbology, RelabelContent } from './relabel-label';

/** What bwip-js (BWIPP) needs to draw a label's symbol. */
export interface SymbolOptions {
  bcid: 'code128' | 'datamatrix';
  text: string;
  parsefnc: true;
}

/**
 * The symbol as FNC1-led data rather than bracketed AIs: BWIPP's bracketed syntax reads `(` and `)`
 * as AI delimiters, and GS1 lots may hold both. A leading FNC1 is what makes Code 128 a GS1-128
 * and Data Matrix a GS1 DataMatrix; `^` never occurs in GS1 data, so nothing needs escaping.
 */
export function symbolOptions(content: RelabelContent, symbology: LabelSymbology): SymbolOptions {
  const text = `^FNC1${content.elementString.split('\u001d').join('^FNC1')}`;
  return { bcid: symbology === 'gs1-128' ? 'code128' : 'datamatrix', text, parsefnc: true };
}

import bwipjs from 'bwip-js/node';
import { encodeHibccConcatenated, encodeHibccPrimary, parseScan } from '../../shared/barcode';
import { decodePng, type Rgba } from './y4m-video';

/**
 * The healthcare symbologies the camera must read (issue 17), each with a label's content and
 * what the scan parser must make of it, rendered by bwip-js and placed in 640×480 camera frames
 * at a given module size, rotation, blur and contrast.
 */
export interface Symbology {
  id: string;
  name: string;
  bcid: string;
  text: string;
  /** bwip-js options beyond the text (e.g. rows of a stacked DataBar). */
  options?: Record<string, unknown>;
  expect: { gtin?: string; lot?: string; expiry?: string; hibccProduct?: string };
}

const GTIN = '09504000059101';
const HIBCC_PRIMARY = { lic: 'A123', product: 'PROD123', unitOfMeasure: 1 };

export const SYMBOLOGIES: readonly Symbology[] = [
  {
    id: 'databar-omni',
    name: 'GS1 DataBar Omnidirectional',
    bcid: 'databaromni',
    text: `(01)${GTIN}`,
    expect: { gtin: GTIN },
  },
  {
    id: 'databar-stacked',
    name: 'GS1 DataBar Stacked Omnidirectional',
    bcid: 'databarstackedomni',
    text: `(01)${GTIN}`,
    expect: { gtin: GTIN },
  },
  {
    id: 'databar-expanded',
    name: 'GS1 DataBar Expanded',
    bcid: 'databarexpanded',
    text: `(01)${GTIN}(17)290331(10)ABC123`,
    expect: { gtin: GTIN, lot: 'ABC123', expiry: '2029-03-31' },
  },
  {
    id: 'databar-expanded-stacked',
    name: 'GS1 DataBar Expanded Stacked',
    bcid: 'databarexpandedstacked',
    text: `(01)${GTIN}(17)290331(10)ABC123`,
    options: { segments: 4 },
    expect: { gtin: GTIN, lot: 'ABC123', expiry: '2029-03-31' },
  },
  {
    id: 'gs1-128',
    name: 'GS1-128',
    bcid: 'gs1-128',
    text: `(01)${GTIN}(17)290331(10)ABC123`,
    expect: { gtin: GTIN, lot: 'ABC123', expiry: '2029-03-31' },
  },
  {
    id: 'gs1-datamatrix',
    name: 'GS1 DataMatrix',
    bcid: 'gs1datamatrix',
    text: `(01)${GTIN}(17)290331(10)ABC123`,
    expect: { gtin: GTIN, lot: 'ABC123', expiry: '2029-03-31' },
  },
  {
    id: 'gs1-qr',
    name: 'GS1 QR Code',
    bcid: 'gs1qrcode',
    text: `(01)${GTIN}(17)290331(10)ABC123`,
    expect: { gtin: GTIN, lot: 'ABC123', expiry: '2029-03-31' },
  },
  {
    id: 'hibcc-code128',
    name: 'HIBCC in Code 128 (primary)',
    bcid: 'code128',
    text: encodeHibccPrimary(HIBCC_PRIMARY),
    expect: { hibccProduct: 'PROD123' },
  },
  {
    id: 'hibcc-datamatrix',
    name: 'HIBCC in DataMatrix (primary and secondary)',
    bcid: 'datamatrix',
    text: encodeHibccConcatenated(HIBCC_PRIMARY, {
      lot: 'ABC123',
      expiry: { format: 'YYMMDD', date: '2029-03-31' },
    }),
    expect: { hibccProduct: 'PROD123', lot: 'ABC123', expiry: '2029-03-31' },
  },
];

/** Rendered at this many pixels a module; scenes resample from it. */
const RENDER_SCALE = 4;

export interface Rendered {
  gray: Float32Array;
  width: number;
  height: number;
  /** Pixels a module in `gray`. */
  modulePx: number;
}

export async function renderSymbol(symbology: Symbology): Promise<Rendered> {
  const png = await bwipjs.toBuffer({
    bcid: symbology.bcid,
    text: symbology.text,
    scale: RENDER_SCALE,
    paddingwidth: 10,
    paddingheight: 10,
    backgroundcolor: 'FFFFFF',
    ...(symbology.options ?? {}),
  } as Parameters<typeof bwipjs.toBuffer>[0]);
  const image: Rgba = decodePng(png);
  const gray = new Float32Array(image.width * image.height);
  for (let i = 0; i < gray.length; i++) gray[i] = image.data[4 * i]!;
  return { gray, width: image.width, height: image.height, modulePx: RENDER_SCALE };
}

/** Whether a decoded text is this label, as the scan parser reads it (not just any text). */
export function readsAs(symbology: Symbology, text: string, today: string): boolean {
  const scan = parseScan(text, { today });
  if (!scan.ok) return false;
  const want = symbology.expect;
  const product = scan.hibcc && 'product' in scan.hibcc ? scan.hibcc.product : undefined;
  return (
    (want.gtin === undefined || scan.gtin === want.gtin) &&
    (want.lot === undefined || scan.lot === want.lot) &&
    (want.expiry === undefined || scan.expiry === want.expiry) &&
    (want.hibccProduct === undefined || product === want.hibccProduct)
  );
}

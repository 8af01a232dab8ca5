import {
  prepareZXingModule,
  readBarcodes,
  type ReadResult,
  type ReaderOptions,
} from 'zxing-wasm/reader';
import { sharpenBars, type BarSharpening } from './bar-sharpening';

/**
 * The camera decoder: zxing-cpp compiled to WebAssembly (zxing-wasm). Chosen over zxing-js by the
 * bench's symbology figure: zxing-js never read GS1 DataBar Expanded (stacked or not; its reader
 * says it is not production-ready) and read DataBar and low-contrast DataMatrix less often.
 */
export const CAMERA_READER_OPTIONS: ReaderOptions = {
  formats: [
    'DataMatrix',
    'QRCode',
    'Code128',
    'EAN13',
    'EAN8',
    'UPCA',
    'UPCE',
    'DataBar',
    'DataBarStkOmni',
    'DataBarStk',
    'DataBarExp',
    'DataBarExpStk',
  ],
  // The fast pass: no tryHarder here (an empty frame's cost sets the frame rate, PITFALLS.md);
  // FRAME_STRATEGIES gives it to some of the following frames instead. Rotation and downscaling
  // stay on: both are cheap.
  tryHarder: false,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  // Plain text keeps FNC1 as GS; the AIM identifier (]d2, ]C1, ]e0, ]Q3…) is put in front, so the
  // scan parser knows a GS1 symbol from a plain one as it does for a scanner that sends it.
  textMode: 'Plain',
  maxNumberOfSymbols: 1,
};

/** What the scan parser expects: the AIM symbology identifier, then the text. */
export function scanTextOf(result: ReadResult): string {
  return `${result.symbologyIdentifier}${result.text}`;
}

/** The linear symbologies: all a sharpened frame is for (2-D symbols read on the plain ones). */
const LINEAR_FORMATS: ReaderOptions['formats'] = [
  'Code128',
  'EAN13',
  'EAN8',
  'UPCA',
  'UPCE',
  'DataBar',
  'DataBarStkOmni',
  'DataBarStk',
  'DataBarExp',
  'DataBarExpStk',
];

/** One way of looking at a frame: zxing-cpp's options, and the picture sharpened first or not. */
export interface FrameStrategy {
  name: string;
  options: ReaderOptions;
  sharpen?: BarSharpening;
}

/**
 * Consecutive frames are read in turn with these, as a camera gives ~30 frames a second of the
 * same label: a frame read one way that fails is followed a few tens of ms later by one read
 * another way. Measured on bench figure 10's scenes (tests/bench/figures/camera-symbologies.ts;
 * the findings are in its notes):
 * - tryHarder (every row, more finder candidates) reads DataBar and GS1-128 at 1.5–2 px a module
 *   tilted by 6°, which the fast pass misses. It costs about 3× the fast pass on a cluttered frame
 *   with no code (10 ms against 3 ms in Node), so the fast pass keeps every second frame.
 * - Focus blur at 2 px a module hides the one-module bars from every binariser zxing-cpp has, and
 *   at 1.5 px a module DataBar's widths round wrong on whole pixels: the sharpened, widened frames
 *   read both (two strengths: one suits tilted labels, the other noisy ones). They are for linear
 *   symbols only; 2-D symbols read on the plain frames.
 */
const SHARPENED: ReaderOptions = {
  ...CAMERA_READER_OPTIONS,
  formats: LINEAR_FORMATS,
  tryHarder: true,
  // The widened frame is already large: a downscaled pass would undo the widening.
  tryDownscale: false,
};
const FAST: FrameStrategy = { name: 'fast', options: CAMERA_READER_OPTIONS };
export const FRAME_STRATEGIES: readonly FrameStrategy[] = [
  FAST,
  { name: 'try harder', options: { ...CAMERA_READER_OPTIONS, tryHarder: true } },
  FAST,
  {
    name: 'bars sharpened over 3 rows, widened 4×',
    options: SHARPENED,
    sharpen: { rowsRadius: 1, radius: 1, amount: 3, widen: 4 },
  },
  FAST,
  {
    name: 'bars sharpened over 5 rows, widened 4×',
    options: SHARPENED,
    sharpen: { rowsRadius: 2, radius: 2, amount: 3, widen: 4 },
  },
];

export interface AsyncFrameDecoder {
  /** RGBA pixels as a canvas gives them; resolves to the scan text, or undefined. */
  decode(rgba: Uint8ClampedArray, width: number, height: number): Promise<string | undefined>;
}

/**
 * Loads the WebAssembly module from what the caller gives (the app's own bundled file, or its
 * bytes in Node): never zxing-wasm's default, which fetches it from a CDN.
 */
export async function createWasmFrameDecoder(
  wasm: { url: string } | { binary: ArrayBuffer },
): Promise<AsyncFrameDecoder> {
  await prepareZXingModule({
    overrides:
      'url' in wasm
        ? {
            locateFile: (path: string, prefix: string) =>
              path.endsWith('.wasm') ? wasm.url : prefix + path,
          }
        : { wasmBinary: wasm.binary },
    fireImmediately: true,
  });
  let frames = 0;
  return {
    async decode(rgba, width, height) {
      const strategy = FRAME_STRATEGIES[frames++ % FRAME_STRATEGIES.length] ?? FAST;
      const picture = strategy.sharpen
        ? sharpenBars(rgba, width, height, strategy.sharpen)
        : { data: rgba, width, height };
      // zxing-wasm reads only data, width and height of an ImageData (none exists in Node).
      const results = await readBarcodes(picture as ImageData, strategy.options);
      const found = results.find((r) => r.isValid);
      return found ? scanTextOf(found) : undefined;
    },
  };
}

import {
  prepareZXingModule,
  readBarcodes,
  type ReadResult,
  type ReaderOptions,
} from 'zxing-wasm/reader';

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
  // Never tryHarder on live frames (an empty frame's cost sets the frame rate, PITFALLS.md); the
  // next frame is the better second chance. Rotation and downscaling stay on: both are cheap.
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
  return {
    async decode(rgba, width, height) {
      const results = await readBarcodes(
        { data: rgba, width, height } as ImageData,
        CAMERA_READER_OPTIONS,
      );
      const found = results.find((r) => r.isValid);
      return found ? scanTextOf(found) : undefined;
    },
  };
}

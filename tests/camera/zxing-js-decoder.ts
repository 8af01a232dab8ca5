import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { GS } from '../../renderer/scanning/wedge-decoder';

/*
 * The app's camera decoder until issue 17, kept as the bench's baseline (figure 10): zxing-js.
 * The app now decodes with zxing-wasm (renderer/scanning/wasm-frame-decoder.ts).
 */

/**
 * The formats a stockroom label carries. Limiting the list is what keeps an empty frame cheap
 * (4.4 ms instead of 293 ms with TRY_HARDER over every format, docs/PITFALLS.md).
 */
export const CAMERA_FORMATS = [
  BarcodeFormat.DATA_MATRIX,
  BarcodeFormat.CODE_128,
  BarcodeFormat.QR_CODE,
  BarcodeFormat.EAN_13,
  BarcodeFormat.EAN_8,
  BarcodeFormat.UPC_A,
  BarcodeFormat.UPC_E,
  BarcodeFormat.RSS_14,
  BarcodeFormat.RSS_EXPANDED,
];

export interface FrameDecoder {
  /** RGBA pixels as a canvas gives them; returns the decoded text or undefined. */
  decode(rgba: Uint8ClampedArray, width: number, height: number): string | undefined;
}

/** Turns what zxing returns into what the scan parser expects. */
export function cameraText(text: string): string {
  // zxing reports FNC1 in first position of a GS1 DataMatrix as a leading GS.
  return text.startsWith(GS) ? text.slice(1) : text;
}

export function createFrameDecoder(): FrameDecoder {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, CAMERA_FORMATS],
    // Without it GS1-128 comes back without its ]C1 identifier and looks like plain Code 128.
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  // Never TRY_HARDER on live frames: the next frame is a better second chance.
  reader.setHints(hints);
  return {
    decode(rgba, width, height) {
      const luminance = new Uint8ClampedArray(width * height);
      for (let i = 0, p = 0; i < luminance.length; i += 1, p += 4) {
        luminance[i] =
          ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8;
      }
      const bitmap = new BinaryBitmap(
        new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)),
      );
      try {
        // decodeWithState keeps the hints; decode(bitmap) without hints would wipe them.
        return cameraText(reader.decodeWithState(bitmap).getText());
      } catch {
        return undefined;
      } finally {
        reader.reset();
      }
    },
  };
}

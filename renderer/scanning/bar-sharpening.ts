/**
 * Restores the bars of a small or slightly out-of-focus linear label before zxing-cpp binarises it.
 *
 * - Focus blur takes most of the contrast out of a one-module bar (at 2 camera pixels a module, a
 *   blur of about one pixel leaves a ninth of it), so a threshold set between paper and wide bars
 *   never sees the narrow ones. An unsharp mask across the bars gives that contrast back; a few
 *   rows are averaged first so that it does not amplify sensor noise as well.
 * - At 1.5 pixels a module an edge falls anywhere inside a pixel, and a binariser that works on
 *   whole pixels rounds every bar to 1 or 2 pixels: DataBar's width ratios then decode wrong.
 *   Widening the rows by cubic interpolation puts each threshold crossing between the pixels,
 *   where the grey of the edge pixel says it is.
 *
 * Pure and allocation-light: it runs in the decode worker on the frames that use it.
 */
export interface BarSharpening {
  /** Rows averaged above and below each row (noise); small, as tilted bars smear across rows. */
  rowsRadius: number;
  /** Half-width in pixels of the local mean the pixel is pushed away from: about a module. */
  radius: number;
  /** How far it is pushed: 0 leaves the picture as it was. */
  amount: number;
  /** Each row is made this many times wider (1: as it was). */
  widen: number;
}

export interface GreyPicture {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

interface Buffers {
  key: string;
  luminance: Float32Array;
  smoothed: Float32Array;
  sharpened: Float32Array;
  out: Uint8ClampedArray;
}
let buffers: Buffers | undefined;

/** The buffers of the last frame size: the camera's size rarely changes, the frames do. */
function buffersFor(width: number, height: number, widen: number): Buffers {
  const key = `${width}×${height}×${widen}`;
  if (buffers?.key !== key) {
    buffers = {
      key,
      luminance: new Float32Array(width * height),
      smoothed: new Float32Array(width * height),
      sharpened: new Float32Array(width),
      out: new Uint8ClampedArray(width * widen * height * 4),
    };
  }
  return buffers;
}

interface CubicTap {
  /** Offset of the first of the four source pixels. */
  first: number;
  w0: number;
  w1: number;
  w2: number;
  w3: number;
}

/** Catmull-Rom weights of the four source pixels around each of the `widen` output phases. */
function cubicTaps(widen: number): CubicTap[] {
  return Array.from({ length: widen }, (_, phase) => {
    const at = (phase + 0.5) / widen - 0.5;
    const whole = Math.floor(at);
    const t = at - whole;
    return {
      first: whole - 1,
      w0: 0.5 * (-t * t * t + 2 * t * t - t),
      w1: 0.5 * (3 * t * t * t - 5 * t * t + 2),
      w2: 0.5 * (-3 * t * t * t + 4 * t * t + t),
      w3: 0.5 * (t * t * t - t * t),
    };
  });
}

/**
 * The frame's RGBA pixels, sharpened across its rows (bars that stand up in the picture) and
 * widened, as a new grey RGBA picture. The returned pixels are reused by the next call.
 */
export function sharpenBars(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  { rowsRadius, radius, amount, widen }: BarSharpening,
): GreyPicture {
  const { luminance, smoothed, sharpened, out } = buffersFor(width, height, widen);
  // Luminance as zxing-cpp weighs it.
  for (let i = 0; i < luminance.length; i++) {
    const o = 4 * i;
    luminance[i] =
      ((rgba[o] ?? 0) * 306 + (rgba[o + 1] ?? 0) * 601 + (rgba[o + 2] ?? 0) * 117) / 1024;
  }
  // Averaged over 2·rowsRadius + 1 rows, clamped at the top and bottom.
  const rows = 2 * rowsRadius + 1;
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -rowsRadius; k <= rowsRadius; k++) {
        sum += luminance[Math.min(height - 1, Math.max(0, y + k)) * width + x] ?? 0;
      }
      smoothed[base + x] = sum / rows;
    }
  }
  const span = 2 * radius + 1;
  const taps = cubicTaps(widen);
  const outWidth = width * widen;
  for (let y = 0; y < height; y++) {
    const base = y * width;
    const at = (x: number) => smoothed[base + Math.min(width - 1, Math.max(0, x))] ?? 0;
    // The running sum of the 2·radius + 1 pixels around x: the local mean to push away from.
    let window = 0;
    for (let k = -radius; k <= radius; k++) window += at(k);
    for (let x = 0; x < width; x++) {
      const value = at(x);
      sharpened[x] = value + amount * (value - window / span);
      window += at(x + radius + 1) - at(x - radius);
    }
    const sharp = (x: number) => sharpened[Math.min(width - 1, Math.max(0, x))] ?? 0;
    const row = 4 * y * outWidth;
    for (let x = 0; x < width; x++) {
      for (let phase = 0; phase < widen; phase++) {
        const tap = taps[phase] ?? taps[0];
        if (!tap) break;
        const from = x + tap.first;
        const value =
          tap.w0 * sharp(from) +
          tap.w1 * sharp(from + 1) +
          tap.w2 * sharp(from + 2) +
          tap.w3 * sharp(from + 3);
        const o = row + 4 * (x * widen + phase);
        out[o] = value;
        out[o + 1] = value;
        out[o + 2] = value;
        out[o + 3] = 255;
      }
    }
  }
  return { data: out, width: outWidth, height };
}

import { PNG } from 'pngjs';

/**
 * Videos for Chromium's fake camera (--use-file-for-fake-video-capture), made here rather than by
 * ffmpeg: a Y4M file is a one-line text header, then per frame `FRAME\n` and the raw Y, U and V
 * planes of 4:2:0 video (chroma at half width and half height).
 */
export interface Rgba {
  width: number;
  height: number;
  /** 8-bit RGBA, row by row. */
  data: Uint8Array;
}

export interface Frame420 {
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
}

export function decodePng(png: Uint8Array): Rgba {
  const image = PNG.sync.read(Buffer.from(png));
  return { width: image.width, height: image.height, data: image.data };
}

/** BT.601 studio range, what ffmpeg's yuv420p gave the old videos and what Chromium expects. */
const lumaOf = (r: number, g: number, b: number) => ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
const cbOf = (r: number, g: number, b: number) => ((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128;
const crOf = (r: number, g: number, b: number) => ((112 * r - 94 * g - 18 * b + 128) >> 8) + 128;

/** Converts a full RGB canvas (3 bytes a pixel) into 4:2:0 planes, chroma averaged over 2×2. */
export function toFrame420(rgb: Uint8Array, width: number, height: number): Frame420 {
  if (width % 2 !== 0 || height % 2 !== 0)
    throw new Error(`4:2:0 needs even sizes, got ${width}×${height}`);
  const y = new Uint8Array(width * height);
  const u = new Uint8Array((width / 2) * (height / 2));
  const v = new Uint8Array(u.length);
  for (let i = 0; i < width * height; i++) {
    y[i] = lumaOf(rgb[3 * i]!, rgb[3 * i + 1]!, rgb[3 * i + 2]!);
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < width / 2; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = 3 * ((2 * cy + dy) * width + 2 * cx + dx);
        r += rgb[p]!;
        g += rgb[p + 1]!;
        b += rgb[p + 2]!;
      }
      const c = cy * (width / 2) + cx;
      u[c] = cbOf(r >> 2, g >> 2, b >> 2);
      v[c] = crOf(r >> 2, g >> 2, b >> 2);
    }
  }
  return { y, u, v };
}

/**
 * A label centred on a white canvas, scaled up by a whole factor with nearest-neighbour so module
 * edges stay sharp; transparent pixels count as the white paper they are printed on.
 */
export function labelFrame(label: Rgba, width: number, height: number, upscale = 1): Frame420 {
  const w = label.width * upscale;
  const h = label.height * upscale;
  if (w > width || h > height)
    throw new Error(`label ${w}×${h} does not fit in ${width}×${height}`);
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const left = Math.floor((width - w) / 2);
  const top = Math.floor((height - h) / 2);
  for (let row = 0; row < h; row++) {
    for (let col = 0; col < w; col++) {
      const s = 4 * (Math.floor(row / upscale) * label.width + Math.floor(col / upscale));
      const alpha = label.data[s + 3]! / 255;
      const d = 3 * ((top + row) * width + left + col);
      for (let k = 0; k < 3; k++) {
        rgb[d + k] = Math.round(label.data[s + k]! * alpha + 255 * (1 - alpha));
      }
    }
  }
  return toFrame420(rgb, width, height);
}

/**
 * A busy picture with no code in it, different every frame, which is what most live frames look
 * like and what sets a camera path's cost: colour bars with a moving diagonal grating over them.
 */
export function testPatternFrame(width: number, height: number, index: number): Frame420 {
  const bars = [
    [255, 255, 255],
    [255, 255, 0],
    [0, 255, 255],
    [0, 255, 0],
    [255, 0, 255],
    [255, 0, 0],
    [0, 0, 255],
    [0, 0, 0],
  ] as const;
  const rgb = new Uint8Array(width * height * 3);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const bar = bars[Math.floor((col * bars.length) / width)]!;
      const grating = ((col + row + 4 * index) >> 3) % 2 === 0 ? 1 : 0.6;
      const d = 3 * (row * width + col);
      for (let k = 0; k < 3; k++) rgb[d + k] = Math.round(bar[k]! * grating);
    }
  }
  return toFrame420(rgb, width, height);
}

export function encodeY4m(width: number, height: number, fps: number, frames: Frame420[]): Buffer {
  const header = Buffer.from(
    `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`,
    'ascii',
  );
  const marker = Buffer.from('FRAME\n', 'ascii');
  return Buffer.concat([header, ...frames.flatMap((f) => [marker, f.y, f.u, f.v])]);
}

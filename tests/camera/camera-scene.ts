import type { Rendered } from './symbol-scenes';

/** How a label sits in front of the camera. */
export interface Scene {
  /** Camera pixels a module. */
  modulePx: number;
  /** Degrees, clockwise. */
  rotation: number;
  /** Box-blur radius in pixels (two passes, close to a Gaussian of the same width): focus. */
  blur: number;
  /** Difference between paper and ink, 0–1 (1: black on white). */
  contrast: number;
}

export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 480;

function sample(symbol: Rendered, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (cx: number, cy: number) =>
    cx < 0 || cy < 0 || cx >= symbol.width || cy >= symbol.height
      ? 255
      : symbol.gray[cy * symbol.width + cx]!;
  return (
    at(x0, y0) * (1 - fx) * (1 - fy) +
    at(x0 + 1, y0) * fx * (1 - fy) +
    at(x0, y0 + 1) * (1 - fx) * fy +
    at(x0 + 1, y0 + 1) * fx * fy
  );
}

function boxBlur(plane: Float32Array, width: number, height: number, radius: number): Float32Array {
  if (radius <= 0) return plane;
  const r = Math.round(radius);
  const pass = (src: Float32Array, horizontal: boolean) => {
    const out = new Float32Array(src.length);
    const [outer, inner] = horizontal ? [height, width] : [width, height];
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        let sum = 0;
        let n = 0;
        for (let k = -r; k <= r; k++) {
          const j = i + k;
          if (j < 0 || j >= inner) continue;
          sum += horizontal ? src[o * width + j]! : src[j * width + o]!;
          n++;
        }
        out[horizontal ? o * width + i : i * width + o] = sum / n;
      }
    }
    return out;
  };
  let p = plane;
  for (let t = 0; t < 2; t++) p = pass(pass(p, true), false);
  return p;
}

/** A deterministic noise source, so a scene's frames are the same on every run. */
function noise(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 0xffffffff) * 2 - 1;
  };
}

/**
 * The gray camera picture of a label (before sensor noise): centred, scaled to `modulePx`,
 * rotated, blurred, its contrast reduced around mid-grey paper tones.
 */
export function scenePlane(symbol: Rendered, scene: Scene): Float32Array {
  const plane = new Float32Array(FRAME_WIDTH * FRAME_HEIGHT);
  const k = symbol.modulePx / scene.modulePx;
  const a = (-scene.rotation * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const light = 200 + 40 * scene.contrast;
  const dark = light - 235 * scene.contrast;
  for (let y = 0; y < FRAME_HEIGHT; y++) {
    for (let x = 0; x < FRAME_WIDTH; x++) {
      const dx = x - FRAME_WIDTH / 2;
      const dy = y - FRAME_HEIGHT / 2;
      const sx = (dx * cos - dy * sin) * k + symbol.width / 2;
      const sy = (dx * sin + dy * cos) * k + symbol.height / 2;
      const v = sample(symbol, sx, sy) / 255;
      plane[y * FRAME_WIDTH + x] = dark + (light - dark) * v;
    }
  }
  return boxBlur(plane, FRAME_WIDTH, FRAME_HEIGHT, scene.blur);
}

/** One RGBA camera frame of the scene: the plane plus this frame's sensor noise (±6 levels). */
export function sceneFrame(plane: Float32Array, frameIndex: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(FRAME_WIDTH * FRAME_HEIGHT * 4);
  const next = noise(0x9e3779b9 ^ (frameIndex * 2654435761));
  for (let i = 0; i < plane.length; i++) {
    const v = plane[i]! + 6 * next();
    rgba[4 * i] = v;
    rgba[4 * i + 1] = v;
    rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = 255;
  }
  return rgba;
}

/** Whether the label fits the frame at this scale (a label cut by the frame edge is no scene). */
export function fits(symbol: Rendered, scene: Scene): boolean {
  const k = scene.modulePx / symbol.modulePx;
  const a = (scene.rotation * Math.PI) / 180;
  const w = symbol.width * k;
  const h = symbol.height * k;
  const bw = Math.abs(w * Math.cos(a)) + Math.abs(h * Math.sin(a));
  const bh = Math.abs(w * Math.sin(a)) + Math.abs(h * Math.cos(a));
  return bw <= FRAME_WIDTH && bh <= FRAME_HEIGHT;
}

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
/** Sensor noise of sceneFrame, in grey levels either way. */
export const SENSOR_NOISE = 6;

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
    const v = plane[i]! + SENSOR_NOISE * next();
    rgba[4 * i] = v;
    rgba[4 * i + 1] = v;
    rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = 255;
  }
  return rgba;
}

/** The label's size in the frame (its quiet zones included), turned by the scene's rotation. */
function boundsInFrame(symbol: Rendered, scene: Scene): { width: number; height: number } {
  const k = scene.modulePx / symbol.modulePx;
  const a = (scene.rotation * Math.PI) / 180;
  const w = symbol.width * k;
  const h = symbol.height * k;
  return {
    width: Math.abs(w * Math.cos(a)) + Math.abs(h * Math.sin(a)),
    height: Math.abs(w * Math.sin(a)) + Math.abs(h * Math.cos(a)),
  };
}

/** Whether the label fits the frame at this scale (a label cut by the frame edge is no scene). */
export function fits(symbol: Rendered, scene: Scene): boolean {
  const { width, height } = boundsInFrame(symbol, scene);
  return width <= FRAME_WIDTH && height <= FRAME_HEIGHT;
}

/**
 * Grey levels of contrast left, after the scene's focus blur, in the finest pattern a symbol can
 * print: a one-module bar beside a one-module space (a period of two modules). The blur is a box
 * of 2r + 1 pixels applied twice, whose transfer at frequency f is (sin(πf(2r+1)) / ((2r+1)
 * sin(πf)))²; at 1.5 px a module and r = 1 the period is 3 px, the box's own width: nothing is left.
 */
export function finestContrast(scene: Scene): number {
  const ink = 235 * scene.contrast;
  const r = Math.round(scene.blur);
  if (r <= 0) return ink;
  const span = 2 * r + 1;
  const f = 1 / (2 * scene.modulePx);
  const box = Math.sin(Math.PI * f * span) / (span * Math.sin(Math.PI * f));
  return ink * box * box;
}

/**
 * Why a scene is beyond any decoder, or undefined when it is a fair test: the label (with its
 * quiet zones) does not fit the frame, or the blur leaves the finest bars less contrast than the
 * sensor noise, so what is read there is luck, not something a reader can be built to do.
 */
export function outOfReach(symbol: Rendered, scene: Scene): string | undefined {
  if (!fits(symbol, scene)) {
    const { width, height } = boundsInFrame(symbol, scene);
    return `the label is ${Math.round(width)}×${Math.round(height)} px with its quiet zones at ${scene.modulePx} px a module, larger than the ${FRAME_WIDTH}×${FRAME_HEIGHT} frame`;
  }
  const left = finestContrast(scene);
  if (left < SENSOR_NOISE) {
    return `blur of radius ${scene.blur} at ${scene.modulePx} px a module leaves the finest bar–space pair ${left.toFixed(1)} grey levels, under the ±${SENSOR_NOISE} of sensor noise`;
  }
  return undefined;
}

import { FRAME_HEIGHT, FRAME_WIDTH, sceneFrame } from './camera-scene';

export interface SceneDecoder {
  decode(rgba: Uint8ClampedArray, width: number, height: number): Promise<string | undefined>;
}

export interface SceneRead {
  /** Camera time from the label coming into view to the first right read, when within the limit. */
  readAtMs: number | undefined;
  /** Decode time of each frame tried. */
  decodeMs: number[];
  /** Texts decoded from frames of this scene that are not its label: misreads. */
  wrong: string[];
}

/**
 * The app's camera path replayed on one scene: a new frame every 1000/fps ms, the decoder takes
 * the next frame once it is free (frames that arrive while it works are dropped, as the frame pump
 * drops them), each frame with its own sensor noise; the decode's measured time moves the clock.
 * The label is read when a decode that ends within `limitMs` gives the right content.
 */
export async function readWithin(
  decoder: SceneDecoder,
  plane: Float32Array,
  isRight: (text: string) => boolean,
  limitMs = 2000,
  fps = 30,
): Promise<SceneRead> {
  const period = 1000 / fps;
  const decodeMs: number[] = [];
  const wrong: string[] = [];
  let clock = 0;
  for (let frame = 0; ; frame++) {
    const arrival = Math.ceil(clock / period) * period;
    if (arrival >= limitMs) return { readAtMs: undefined, decodeMs, wrong };
    const rgba = sceneFrame(plane, frame);
    const started = performance.now();
    const text = await decoder.decode(rgba, FRAME_WIDTH, FRAME_HEIGHT);
    const took = performance.now() - started;
    decodeMs.push(took);
    clock = arrival + took;
    if (text === undefined) continue;
    if (!isRight(text)) wrong.push(text);
    else if (clock <= limitMs) return { readAtMs: clock, decodeMs, wrong };
  }
}

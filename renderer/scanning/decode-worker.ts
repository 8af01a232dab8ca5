import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { createWasmFrameDecoder } from './wasm-frame-decoder';

/**
 * Decodes camera frames off the UI thread; one frame in flight at a time. The frame comes as an
 * ImageBitmap so that reading its pixels back (a GPU read where the video is decoded on the GPU)
 * happens here rather than on the UI thread. The decoder's WebAssembly is the app's own file,
 * emitted by Vite beside the bundle: the camera works offline.
 */
const decoder = createWasmFrameDecoder({ url: wasmUrl });

export interface FrameRequest {
  /** Transferred, and closed here once its pixels are read. */
  frame: ImageBitmap;
  /** The size to decode at; the frame is scaled to it. */
  width: number;
  height: number;
}
export interface FrameReply {
  text?: string;
  /** Time this frame took in the worker: reading its pixels and decoding them. */
  ms: number;
}

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | null = null;

/** The frame's RGBA pixels at the requested size, drawn as the UI thread's canvas used to draw them. */
function pixelsOf({ frame, width, height }: FrameRequest): ImageData | undefined {
  try {
    if (!canvas) {
      canvas = new OffscreenCanvas(width, height);
      // Read back on every frame: keep the canvas in memory rather than on the GPU.
      context = canvas.getContext('2d', { willReadFrequently: true });
    }
    if (!context) return undefined;
    // Setting a canvas's size clears and may reallocate it: only when the camera's size changes.
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    context.drawImage(frame, 0, 0, width, height);
    return context.getImageData(0, 0, width, height);
  } finally {
    frame.close();
  }
}

self.onmessage = async (event: MessageEvent<FrameRequest>) => {
  const started = performance.now();
  const image = pixelsOf(event.data);
  let text: string | undefined;
  try {
    text = image && (await (await decoder).decode(image.data, image.width, image.height));
  } catch (error) {
    // Still answer, so the scanner sends the next frame; the console says why none is read.
    console.error('camera decoder failed', error);
  }
  const reply: FrameReply =
    text === undefined
      ? { ms: performance.now() - started }
      : { text, ms: performance.now() - started };
  self.postMessage(reply);
};

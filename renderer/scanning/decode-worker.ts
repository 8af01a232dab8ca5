import { createFrameDecoder } from './frame-decoder';

/** Decodes camera frames off the UI thread; one frame in flight at a time. */
const decoder = createFrameDecoder();

export interface FrameRequest {
  pixels: ArrayBuffer;
  width: number;
  height: number;
}
export interface FrameReply {
  text?: string;
  ms: number;
}

self.onmessage = (event: MessageEvent<FrameRequest>) => {
  const started = performance.now();
  const { pixels, width, height } = event.data;
  const text = decoder.decode(new Uint8ClampedArray(pixels), width, height);
  const reply: FrameReply =
    text === undefined
      ? { ms: performance.now() - started }
      : { text, ms: performance.now() - started };
  self.postMessage(reply);
};

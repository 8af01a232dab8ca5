/**
 * Decides when the camera scanner grabs a frame: only when the camera has shown a frame that was not
 * grabbed yet and the decoder is free (one frame in flight). Nothing runs while the camera shows no
 * new frames or the page is hidden, and a frame that arrives while the decoder works is grabbed the
 * moment its answer comes back, so the rate is the camera's or the decoder's, whichever is lower.
 */
export interface FramePump {
  /** The decoder has answered the frame in flight. */
  release(): void;
  stop(): void;
}

/** What the pump needs of a video element; an HTMLVideoElement fits. */
export interface FrameSource {
  requestVideoFrameCallback?(callback: () => void): number;
  cancelVideoFrameCallback?(handle: number): void;
}

export interface FramePumpHost {
  isHidden(): boolean;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Without frame callbacks, how often to look for a frame: a camera's usual 30 frames/s. */
export const POLL_MS = 1000 / 30;

const browserHost: FramePumpHost = {
  isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Calls `send` for each frame to decode; `send` returns false when there was nothing to send (the
 * video has no size yet), which leaves the decoder free. Call `release` when the decoder answers.
 */
export function startFramePump(
  video: FrameSource,
  send: () => boolean,
  host: FramePumpHost = browserHost,
): FramePump {
  let busy = false;
  let fresh = false;
  let stopped = false;
  let frameHandle: number | undefined;
  let timer: unknown;

  const pump = () => {
    if (stopped || busy || !fresh || host.isHidden()) return;
    fresh = false;
    busy = send();
  };
  const onFrame = () => {
    frameHandle = undefined;
    if (stopped) return;
    fresh = true;
    pump();
    watch();
  };
  const watch = () => {
    if (video.requestVideoFrameCallback) frameHandle = video.requestVideoFrameCallback(onFrame);
    // No frame callbacks (older engines): look at the video at the camera's usual rate instead.
    else timer = host.setTimeout(onFrame, POLL_MS);
  };
  watch();

  return {
    release() {
      busy = false;
      pump();
    },
    stop() {
      stopped = true;
      if (frameHandle !== undefined) video.cancelVideoFrameCallback?.(frameHandle);
      if (timer !== undefined) host.clearTimeout(timer);
    },
  };
}

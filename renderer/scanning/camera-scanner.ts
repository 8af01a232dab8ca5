import type { FrameReply, FrameRequest } from './decode-worker';
import { startFramePump } from './frame-pump';
import { createRepeatFilter } from './repeat-filter';

export interface CameraScanner {
  stop(): void;
}

export type CameraError = { code: 'camera-unavailable' | 'camera-denied'; message: string };

/** Longest side of the frame handed to the decoder: enough for a label at arm's length. */
const MAX_SIDE = 960;

/**
 * Streams the camera into `video`, hands each new camera frame the worker is free for to the worker
 * (frame-pump.ts) and reports each new decoded text once (the same label held in view is not
 * scanned twice in a row).
 */
export async function startCameraScanner(
  video: HTMLVideoElement,
  onText: (text: string) => void,
): Promise<CameraScanner | CameraError> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment', width: { ideal: 1280 } },
      audio: false,
    });
  } catch (error) {
    const denied = error instanceof DOMException && error.name === 'NotAllowedError';
    return denied
      ? {
          code: 'camera-denied',
          message:
            'The camera is blocked. Allow camera access for this app, or scan with the handheld scanner.',
        }
      : {
          code: 'camera-unavailable',
          message: 'No camera answered. Plug one in, or scan with the handheld scanner.',
        };
  }
  video.srcObject = stream;
  video.muted = true;
  await video.play().catch(() => undefined);

  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
  const isNewScan = createRepeatFilter();
  let stopped = false;

  const send = (): boolean => {
    if (video.videoWidth === 0) return false;
    const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    // The worker reads the pixels back and scales them, so the UI thread never waits on that.
    createImageBitmap(video).then(
      (frame) => {
        if (stopped) return frame.close();
        const request: FrameRequest = { frame, width, height };
        worker.postMessage(request, [frame]);
      },
      // No current frame after all (the camera is restarting): the next frame tries again.
      () => pump.release(),
    );
    return true;
  };
  const pump = startFramePump(video, send);
  worker.onmessage = (event: MessageEvent<FrameReply>) => {
    pump.release();
    const text = event.data.text;
    if (text !== undefined && isNewScan(text)) onText(text);
  };
  // A frame that failed in the worker gets no answer: free the worker for the next frame anyway.
  worker.onerror = () => pump.release();
  return {
    stop() {
      stopped = true;
      pump.stop();
      worker.terminate();
      for (const track of stream.getTracks()) track.stop();
      // A second scanner may already own the element (React StrictMode starts effects twice).
      if (video.srcObject === stream) video.srcObject = null;
    },
  };
}

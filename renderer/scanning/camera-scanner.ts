import type { FrameReply, FrameRequest } from './decode-worker';

export interface CameraScanner {
  stop(): void;
}

export type CameraError = { code: 'camera-unavailable' | 'camera-denied'; message: string };

/** Longest side of the frame handed to the decoder: enough for a label at arm's length. */
const MAX_SIDE = 960;

/**
 * Streams the camera into `video`, grabs a frame whenever the worker is free and reports each new
 * decoded text once (the same label held in view is not scanned twice in a row).
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
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let busy = false;
  let stopped = false;
  let lastText = '';
  let lastAt = 0;

  worker.onmessage = (event: MessageEvent<FrameReply>) => {
    busy = false;
    const text = event.data.text;
    if (text !== undefined && (text !== lastText || performance.now() - lastAt > 3000)) {
      lastText = text;
      lastAt = performance.now();
      onText(text);
    }
  };
  const grab = () => {
    if (stopped) return;
    if (!busy && context && video.videoWidth > 0) {
      const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const request: FrameRequest = {
        pixels: image.data.buffer,
        width: image.width,
        height: image.height,
      };
      busy = true;
      worker.postMessage(request, [request.pixels]);
    }
    setTimeout(grab, 80);
  };
  grab();
  return {
    stop() {
      stopped = true;
      worker.terminate();
      for (const track of stream.getTracks()) track.stop();
      // A second scanner may already own the element (React StrictMode starts effects twice).
      if (video.srcObject === stream) video.srcObject = null;
    },
  };
}

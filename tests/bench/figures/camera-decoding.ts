import type { Page } from '@playwright/test';
import { AppPage } from '../../e2e/pages/app-page';
import { signInTech } from '../browser/retry-scan';
import { labelOf } from '../../e2e/pages/labels';
import { serveWebApp } from '../browser/app-server';
import { waitInPage } from '../browser/page-probes';
import { cameraVideos } from '../browser/camera-video';
import { launchProfile } from '../browser/chromium';
import { BENCH_LOT } from '../inputs/demo-history';
import { measureFigure, type FigureContext } from '../lib/figure';
import type { FigureResult } from '../lib/report';
import { roundFigure, summarise } from '../lib/stats';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SIZES = { full: { seconds: 10 }, smoke: { seconds: 1.5 } };

/**
 * Counts the decode worker's replies and the camera's frames in the page, without touching the
 * app: every Worker the page makes is watched, and the video element's frames are counted.
 */
const FRAME_PROBE = `(() => {
  const Native = Worker;
  const replies = [];
  window.__frames = { replies, videoFrames: 0, started: 0 };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => replies.push({ at: performance.now(), ms: e.data && e.data.ms, decoded: !!(e.data && e.data.text) }));
    }
  };
})();`;

interface Window {
  fps: number;
  decodedShare: number;
  decodeMs: number[];
  cameraFps: number;
}

async function measureWindow(page: Page, seconds: number): Promise<Window> {
  return page.evaluate(`(async (seconds) => {
    const video = document.querySelector('video');
    let videoFrames = 0;
    const count = () => { videoFrames++; video.requestVideoFrameCallback(count); };
    video.requestVideoFrameCallback(count);
    const from = performance.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const to = performance.now();
    const inWindow = window.__frames.replies.filter((r) => r.at >= from && r.at <= to);
    return {
      fps: inWindow.length / ((to - from) / 1000),
      decodedShare: inWindow.filter((r) => r.decoded).length / Math.max(1, inWindow.length),
      decodeMs: inWindow.map((r) => r.ms),
      cameraFps: videoFrames / ((to - from) / 1000),
    };
  })(${seconds})`) as Promise<Window>;
}

async function runScene(url: string, video: string, seconds: number): Promise<Window> {
  const dir = mkdtempSync(join(tmpdir(), 'stockroom-bench-camera-profile-'));
  const context = await launchProfile(dir, [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  try {
    await context.grantPermissions(['camera'], { origin: url });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(FRAME_PROBE);
    await page.goto(url);
    const app = new AppPage(page);
    await signInTech(page);
    await app.go('Scanner set-up');
    await page.getByRole('button', { name: 'Camera' }).click();
    await waitInPage(page, 'window.__frames.replies.length >= 3');
    return await measureWindow(page, seconds);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function cameraDecodingFigure(ctx: FigureContext, port: number): Promise<FigureResult> {
  const size = SIZES[ctx.mode];
  return measureFigure(
    { id: '8', title: 'Camera decoding at 640×480 in Chromium', target: '≥ 15 frames/s' },
    async () => {
      const scan = labelOf(BENCH_LOT);
      const videos = await cameraVideos(
        `(01)${scan.slice(2, 16)}(17)${scan.slice(18, 24)}(10)${BENCH_LOT}`,
      );
      const server = await serveWebApp(port);
      try {
        const label = await runScene(server.url, videos.label, size.seconds);
        const empty = await runScene(server.url, videos.noCode, size.seconds);
        const worst = Math.min(label.fps, empty.fps);
        const decodeLimit = 1000 / summarise([...label.decodeMs, ...empty.decodeMs]).p50;
        return {
          verdict: worst >= 15 ? 'met' : 'missed',
          headline: `${roundFigure(empty.fps)} frames/s on frames without a code, ${roundFigure(label.fps)} frames/s with a label in view (${roundFigure(label.decodedShare * 100)} % read); camera delivers ${roundFigure(empty.cameraFps)} frames/s, the decoder alone could do ${roundFigure(decodeLimit)}`,
          measurements: [
            {
              label: 'app camera path, no code in view',
              unit: 'frames/s',
              value: roundFigure(empty.fps),
              judgedOn: 'value',
            },
            {
              label: 'app camera path, GS1 DataMatrix in view',
              unit: 'frames/s',
              value: roundFigure(label.fps),
              judgedOn: 'value',
            },
            {
              label: 'decode per frame in the worker, no code',
              unit: 'ms',
              stats: summarise(empty.decodeMs),
            },
            {
              label: 'decode per frame in the worker, label',
              unit: 'ms',
              stats: summarise(label.decodeMs),
            },
            {
              label: 'camera frames delivered',
              unit: 'frames/s',
              value: roundFigure(empty.cameraFps),
            },
          ],
          limits:
            "The camera scanner hands each new camera frame (requestVideoFrameCallback) to the decode worker as an ImageBitmap whenever the worker is free, one frame in flight (frame-pump.ts), so it runs at the lower of the camera's frame rate and 1000 / (worker ms per frame); with the fake camera at 30 frames/s the camera is the limit. The worker's time per frame covers reading the pixels back and zxing's decode.",
          notes: [
            `${size.seconds} s per scene; Chromium's fake camera plays a 640×480 Y4M at 30 frames/s; frames counted from the decode worker's replies (page-side probe) and the video element's frame callbacks.`,
          ],
        };
      } finally {
        await server.close();
      }
    },
  );
}

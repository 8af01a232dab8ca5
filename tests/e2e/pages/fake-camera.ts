import { chromium, type Browser } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../playwright.config';
import { decodePng, encodeY4m, labelFrame } from '../../camera/y4m-video';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, '../../..');
/** CI checks the repo out with shared/ beside it. */
export const BARCODE_IMAGES = resolve(REPO, '../shared/barcode-images');
const WORK = join(REPO, 'test-results/camera');

/**
 * Turns a label image into the 4:2:0 Y4M video Chromium's fake camera plays in a loop: scaled up
 * with nearest-neighbour (module edges stay sharp) and centred on a white 960×540 frame. Made by
 * the project's own encoder, so the tests need no ffmpeg.
 */
export function labelVideo(png: string, name: string, upscale = 1): string {
  mkdirSync(WORK, { recursive: true });
  const out = join(WORK, `${name}.y4m`);
  const frame = labelFrame(decodePng(readFileSync(png)), 960, 540, upscale);
  writeFileSync(
    out,
    encodeY4m(
      960,
      540,
      5,
      Array.from({ length: 5 }, () => frame),
    ),
  );
  return out;
}

export function writeWorkFile(name: string, data: Uint8Array): string {
  mkdirSync(WORK, { recursive: true });
  const path = join(WORK, name);
  writeFileSync(path, data);
  return path;
}

/** One browser per video: the fake camera's file is fixed for the life of the browser. */
export function launchWithCamera(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}

import bwipjs from 'bwip-js/node';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng, encodeY4m, labelFrame, testPatternFrame } from '../../camera/y4m-video';

/**
 * 640×480 videos for Chromium's fake camera (Y4M, 4:2:0, 30 frames a second): a GS1 DataMatrix
 * label the app can read, and a busy test pattern with no code, which is what most live frames
 * look like and what sets a camera path's cost. Encoded by tests/camera, with no ffmpeg.
 */
export interface CameraVideos {
  label: string;
  noCode: string;
}

export async function cameraVideos(gs1Text: string): Promise<CameraVideos> {
  const dir = mkdtempSync(join(tmpdir(), 'stockroom-bench-camera-'));
  const png = await bwipjs.toBuffer({
    bcid: 'gs1datamatrix',
    text: gs1Text,
    scale: 5,
    paddingwidth: 8,
    paddingheight: 8,
    backgroundcolor: 'FFFFFF',
  });
  const label = join(dir, 'label-640x480.y4m');
  const noCode = join(dir, 'no-code-640x480.y4m');
  const still = labelFrame(decodePng(png), 640, 480);
  writeFileSync(
    label,
    encodeY4m(
      640,
      480,
      30,
      Array.from({ length: 30 }, () => still),
    ),
  );
  const busy = Array.from({ length: 30 }, (_, i) => testPatternFrame(640, 480, i));
  writeFileSync(noCode, encodeY4m(640, 480, 30, busy));
  return { label, noCode };
}

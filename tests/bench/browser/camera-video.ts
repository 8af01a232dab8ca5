import bwipjs from 'bwip-js/node';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * 640×480 videos for Chromium's fake camera (Y4M, 4:2:0, 30 frames a second): a GS1 DataMatrix
 * label the app can read, and a busy test pattern with no code, which is what most live frames
 * look like and what sets a camera path's cost.
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
  const image = join(dir, 'label.png');
  writeFileSync(image, png);
  const label = join(dir, 'label-640x480.y4m');
  const noCode = join(dir, 'no-code-640x480.y4m');
  const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-y', '-loglevel', 'error', ...args]);
  ffmpeg([
    '-loop',
    '1',
    '-i',
    image,
    '-frames:v',
    '30',
    '-r',
    '30',
    '-vf',
    'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p',
    label,
  ]);
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=640x480:rate=30',
    '-frames:v',
    '30',
    '-vf',
    'format=yuv420p',
    noCode,
  ]);
  return { label, noCode };
}

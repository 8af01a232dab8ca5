import { expect, test, type Browser } from '@playwright/test';
import bwipjs from 'bwip-js/node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppPage, person } from './pages/app-page';
import { screenshot } from './pages/evidence';
import { BARCODE_IMAGES, labelVideo, launchWithCamera, writeWorkFile } from './pages/fake-camera';
import { labelOf } from './pages/labels';

interface ManifestEntry {
  file: string;
  expectedText: string;
}
const manifest = JSON.parse(readFileSync(join(BARCODE_IMAGES, 'manifest.json'), 'utf8')) as {
  entries: ManifestEntry[];
};

let browser: Browser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function openWithCamera(video: string, baseURL: string | undefined) {
  browser = await launchWithCamera(video);
  const context = await browser.newContext({
    baseURL,
    permissions: ['camera'],
    viewport: { width: 1280, height: 860 },
  });
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  return { page, app };
}

test('a GS1 DataMatrix from the zxing-cpp test suite scans through the camera', async ({
  baseURL,
}) => {
  const entry = manifest.entries.find((e) => e.file.endsWith('gs1-figure-4.15.1-2-32x32.png'))!;
  const video = labelVideo(join(BARCODE_IMAGES, entry.file), 'gs1-datamatrix', 4);
  const { page, app } = await openWithCamera(video, baseURL);
  await app.go('Scanner set-up');
  await page.getByRole('button', { name: 'Camera' }).click();
  await expect(page.getByTestId('setup-source')).toHaveText('camera', { timeout: 20_000 });
  // The decoder (zxing-cpp) reports the AIM identifier ]d2 as a scanner does, FNC1 in first
  // position as that identifier, and the GS separators inside, shown as ‹GS›.
  await expect(page.getByTestId('setup-raw')).toHaveText(
    `]d2${entry.expectedText}`.replaceAll('\u001d', '‹GS›'),
  );
  await expect(page.getByTestId('setup-parsed')).toContainText('"gtin": "09504000059101"');
  await screenshot(page, 'scanner-setup-camera');
});

test('a GS1-128 label rendered with bwip-js scans through the camera into the item card', async ({
  baseURL,
}) => {
  const scan = labelOf('IVC2611A');
  const gtin = scan.slice(2, 16);
  const expiry = scan.slice(18, 24);
  const png = await bwipjs.toBuffer({
    bcid: 'gs1-128',
    text: `(01)${gtin}(17)${expiry}(10)IVC2611A`,
    scale: 2,
    height: 12,
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: 'FFFFFF',
  });
  const video = labelVideo(writeWorkFile('gs1-128.png', png), 'gs1-128');
  const { page, app } = await openWithCamera(video, baseURL);
  await app.go('Look up', 'Look up an item');
  await page.getByRole('button', { name: 'Camera' }).click();
  await expect(page.getByTestId('item-card')).toContainText('IV catheter 20G', { timeout: 20_000 });
  await expect(page.getByTestId('item-lot')).toHaveText('Lot IVC2611A');
  await screenshot(page, 'lookup-camera');
});

test('an HIBCC Code 128 label rendered with bwip-js scans through the camera', async ({
  baseURL,
}) => {
  const png = await bwipjs.toBuffer({
    bcid: 'hibccode128',
    text: 'H124SUT301',
    scale: 2,
    height: 12,
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: 'FFFFFF',
  });
  const video = labelVideo(writeWorkFile('hibcc-128.png', png), 'hibcc-128');
  const { page, app } = await openWithCamera(video, baseURL);
  await app.go('Scanner set-up');
  await page.getByRole('button', { name: 'Camera' }).click();
  await expect(page.getByTestId('setup-source')).toHaveText('camera', { timeout: 20_000 });
  await expect(page.getByTestId('setup-parsed')).toContainText('"productCode": "H124SUT301"');
});

test('a GS1 DataBar Expanded Stacked label scans through the camera, with the decoder loaded from the app itself', async ({
  baseURL,
}) => {
  const scan = labelOf('IVC2611A');
  const gtin = scan.slice(2, 16);
  const expiry = scan.slice(18, 24);
  const png = await bwipjs.toBuffer({
    bcid: 'databarexpandedstacked',
    text: `(01)${gtin}(17)${expiry}(10)IVC2611A`,
    scale: 2,
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: 'FFFFFF',
    // Four segments a row: the stacked form small items carry (bwip-js option, not in its types).
    ...{ segments: 4 },
  });
  const video = labelVideo(writeWorkFile('databar-expanded-stacked.png', png), 'databar-exp-stk');
  const { page, app } = await openWithCamera(video, baseURL);
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!)) elsewhere.push(request.url());
  });
  const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await app.go('Look up', 'Look up an item');
  await page.getByRole('button', { name: 'Camera' }).click();
  expect((await wasm).url().startsWith(baseURL!)).toBe(true);
  await expect(page.getByTestId('item-card')).toContainText('IV catheter 20G', { timeout: 20_000 });
  await expect(page.getByTestId('item-lot')).toHaveText('Lot IVC2611A');
  // zxing-wasm's default is a CDN: the camera must work offline, from the app's own file.
  expect(elsewhere).toEqual([]);
});

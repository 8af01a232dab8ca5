// Renders build/icon.svg to build/icon.png (512×512, transparent corners) with the Chromium that
// the browser tests use. electron-builder derives the .ico, .icns and Linux sizes from that PNG.
// Run: node build/render-icon.mjs   (CHROMIUM=/path/to/chromium to choose the browser)
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { chromium } from 'playwright-core';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const svg = await readFile(here('icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`,
  );
  await page.screenshot({ path: here('icon.png'), omitBackground: true });
} finally {
  await browser.close();
}

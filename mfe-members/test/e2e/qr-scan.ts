// Scans a QR code the way a phone does: from the pixels of a screenshot, decoded by jsQR in a blank page
// of the same browser (the console's page keeps its Content-Security-Policy).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator } from 'playwright-core';

const jsqrSource = readFileSync(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');

/** The text of the QR code shown by `element`, read from its screenshot; `null` if none is found. */
export async function scanQr(browser: Browser, element: Locator): Promise<string | null> {
  const png = (await element.screenshot()).toString('base64');
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ content: jsqrSource });
    return await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      const decode = (
        window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }
      ).jsQR;
      return decode(pixels.data, pixels.width, pixels.height)?.data ?? null;
    }, png);
  } finally {
    await page.close();
  }
}

// Debian's Chromium, driven by playwright-core, renders a local page with Vietnamese text in a real font
// (no missing-glyph boxes) and takes a screenshot into tests/artifacts/.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../infra/chromium.mjs';

const heading = 'Hội Liên hiệp Phụ nữ Việt Nam';
const names = 'Nguyễn Thị Ánh Tuyết · Đặng Thùy Trâm · Trần Thị Ngọc Hương · Lê Thị Hồng Gấm';
const page = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${heading}</title>
<style>body { font-family: 'Noto Sans', sans-serif; margin: 24px; } h1 { font-size: 32px; }</style></head>
<body><h1 id="heading">${heading}</h1><p id="names">${names}</p></body></html>`;

describe('Chromium (Debian) through playwright-core', () => {
  const { executablePath } = inject('chromium');
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('renders Vietnamese text from a local server with an installed font and takes a screenshot', async () => {
    const browser = await launchChromium({ executablePath });
    try {
      const tab = await browser.newPage({ viewport: { width: 900, height: 240 } });
      await tab.goto(url);
      expect(await tab.title()).toBe(heading);
      expect(await tab.locator('#heading').textContent()).toBe(heading);
      expect(await tab.locator('#names').textContent()).toBe(names);

      // Which installed fonts drew each element: all glyphs must come from Noto Sans, none from a fallback.
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      for (const selector of ['#heading', '#names']) {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        expect(fonts.map((font) => font.familyName)).toEqual(['Noto Sans']);
      }

      const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
      mkdirSync(artifacts, { recursive: true });
      const png = await tab.screenshot({ path: `${artifacts}chromium-vietnamese.png` });
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

      // Host names other than localhost do not resolve: nothing is fetched from a third-party host.
      await expect(tab.goto('http://fonts.googleapis.com/css2?family=Noto+Sans')).rejects.toThrow(
        /ERR_NAME_NOT_RESOLVED/,
      );
    } finally {
      await browser.close();
    }
  });
});

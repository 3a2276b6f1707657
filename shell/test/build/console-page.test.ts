import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderConsolePage } from '../../build/console-page.ts';

const TEMPLATE =
  '<!doctype html><html><head><title>x</title>\n    <!--vwu:head-->\n</head><body></body></html>';
const MAP = {
  imports: { vue: '/shell/shared/vue.js', '@vwu/root-config': '/shell/root-config.js' },
  integrity: { '/shell/root-config.js': 'sha384-root' },
};

describe('console page', () => {
  it('puts the import map before any module script, then the stylesheet and the root config with SRI', () => {
    const { html } = renderConsolePage(TEMPLATE, { importMap: MAP, stylesheet: '/shell/assets/shell.css' });
    const map = html.indexOf('<script type="importmap">');
    const entry = html.indexOf('<script type="module" src="/shell/root-config.js" integrity="sha384-root"');
    expect(map).toBeGreaterThan(0);
    expect(entry).toBeGreaterThan(map);
    expect(html.match(/<script type="module"/g)).toHaveLength(1);
    expect(html).toContain('<link rel="stylesheet" href="/shell/assets/shell.css">');
    expect(html).toContain('<meta name="vwu-api-base" content="/api">');
  });

  it('returns the CSP hash of the inline import map', () => {
    const { html, importMapHash } = renderConsolePage(TEMPLATE, { importMap: MAP, stylesheet: '/s.css' });
    const inline = /<script type="importmap">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(importMapHash).toBe(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
  });

  it('cannot be broken out of by a value that holds </script>', () => {
    const importMap = { imports: { ...MAP.imports, evil: '/x</script><script>alert(1)</script>' } };
    const { html } = renderConsolePage(TEMPLATE, {
      importMap,
      stylesheet: '/s.css',
      layout: { note: '</script>' },
      nonce: 'n"1',
    });
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).toContain('nonce="n&quot;1"');
  });

  it.each([
    {
      name: 'a template without the placeholder',
      template: '<html></html>',
      importMap: MAP,
      message: 'The template has no <!--vwu:head-->',
    },
    {
      name: 'a map without the root config',
      template: TEMPLATE,
      importMap: { imports: {} },
      message: 'The import map has no @vwu/root-config',
    },
  ])('refuses $name', ({ template, importMap, message }) => {
    expect(() => renderConsolePage(template, { importMap, stylesheet: '/s.css' })).toThrow(message);
  });
});

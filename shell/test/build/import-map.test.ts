import { describe, expect, it } from 'vitest';
import { mergeImportMaps, rebaseImportMap, sri } from '../../build/import-map.ts';

describe('import maps', () => {
  it.each([
    { base: '/shell/0.1.0/', url: './context.js', expected: '/shell/0.1.0/context.js' },
    {
      base: '/shell/0.1.0/',
      url: './shared/vue@3.5.45/vue.runtime.prod.js',
      expected: '/shell/0.1.0/shared/vue@3.5.45/vue.runtime.prod.js',
    },
    {
      base: 'https://console.example.vn/modules/kpi/',
      url: './mfe-kpi.js',
      expected: 'https://console.example.vn/modules/kpi/mfe-kpi.js',
    },
    { base: '/shell/', url: '/already/absolute.js', expected: '/already/absolute.js' },
    { base: '/shell/', url: 'https://cdn.internal/x.js', expected: 'https://cdn.internal/x.js' },
  ])('rebases $url onto $base', ({ base, url, expected }) => {
    const map = rebaseImportMap({ imports: { x: url }, integrity: { [url]: 'sha384-abc' } }, base);
    expect(map).toEqual({ imports: { x: expected }, integrity: { [expected]: 'sha384-abc' } });
  });

  it('merges maps, later ones winning a name: one URL per package', () => {
    const merged = mergeImportMaps(
      {
        imports: { vue: '/shell/shared/vue.js', '@vwu/mfe-kpi': '/modules/kpi/1.0.0/mfe-kpi.js' },
        integrity: { '/shell/shared/vue.js': 'sha384-v' },
      },
      {
        imports: { '@vwu/mfe-kpi': '/modules/kpi/1.1.0/mfe-kpi.js' },
        integrity: { '/modules/kpi/1.1.0/mfe-kpi.js': 'sha384-k' },
      },
    );
    expect(merged).toEqual({
      imports: { vue: '/shell/shared/vue.js', '@vwu/mfe-kpi': '/modules/kpi/1.1.0/mfe-kpi.js' },
      integrity: { '/shell/shared/vue.js': 'sha384-v', '/modules/kpi/1.1.0/mfe-kpi.js': 'sha384-k' },
    });
  });

  it('computes SRI as the browser checks it (sha384, base64)', () => {
    expect(sri('export default 1;\n')).toBe(
      'sha384-TfNfbmwP7o3QYLOKT2ylblYjdqWkjpHkmoyPgwQk/jxycBM1LOGLUePUz56+OBZF',
    );
  });
});

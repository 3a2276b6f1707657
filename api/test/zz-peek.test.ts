import { it } from 'vitest';
import { startTestApp } from './helpers/app.js';
it('peek', async () => {
  const t = await startTestApp();
  console.log(t.app.routeTable().map(r => `${r.method} ${r.url} ${JSON.stringify(r.access)}`).join('\n'));
  const login = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'leader.tayninh', password: 'VwuDemo-2025!' } });
  const tok = login.json().accessToken;
  for (const url of ['/units/2025:80', '/units/pre2025:72/lineage', '/units/2025:25459/lineage', '/units/search?q=tan%20ninh', '/units/search?q=Phuong', '/units/pre2025:25459/resolve', '/units/2025:80/children?at=2024-01-01', '/health', '/docs', '/docs/static/index.html']) {
    const r = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tok}` } });
    console.log(url, r.statusCode, r.body.slice(0, 700));
  }
  const m = await t.app.inject({ method: 'GET', url: '/metrics' }); console.log(m.headers, m.body.slice(0, 400));
  await t.close();
}, 120000);

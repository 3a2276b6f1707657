// Global setup of the `node` project: one PGlite database filled with the test template, dumped to a file that
// every test file starts from (about 1 s instead of an initdb and a load per file).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPgliteStore, REPO_ROOT } from '../../src/index.js';
import type {} from '../helpers/context.js';
import { fillTemplate } from './template.js';

export default async function setup(project: TestProject): Promise<() => void> {
  const store = await openPgliteStore(null);
  try {
    await fillTemplate(store);
    const dir = join(REPO_ROOT, '.cache', 'api-test');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `pglite-template-${process.pid}.tar`);
    writeFileSync(file, Buffer.from(await (await store.dump()).arrayBuffer()));
    project.provide('pgliteTemplate', file);
    return () => rmSync(file, { force: true });
  } finally {
    await store.close();
  }
}

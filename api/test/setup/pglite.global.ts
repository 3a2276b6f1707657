// Global setup of the `node` project: one PGlite database dumped twice, empty and filled with the test template;
// test files start from these files (about 1 s instead of an initdb, and a load, per store).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPgliteStore, REPO_ROOT, type PgliteStore } from '../../src/index.js';
import type {} from '../helpers/context.js';
import { fillTemplate } from './template.js';

async function save(store: PgliteStore, name: string): Promise<string> {
  const dir = join(REPO_ROOT, '.cache', 'api-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await (await store.dump()).arrayBuffer()));
  return file;
}

export default async function setup(project: TestProject): Promise<() => void> {
  const store = await openPgliteStore(null);
  try {
    const empty = await save(store, 'pglite-empty');
    await fillTemplate(store);
    const filled = await save(store, 'pglite-template');
    project.provide('pgliteEmpty', empty);
    project.provide('pgliteTemplate', filled);
    return () => {
      rmSync(empty, { force: true });
      rmSync(filled, { force: true });
    };
  } finally {
    await store.close();
  }
}

// Global setup of the `integration` project: Debian's Chromium and a Vietnamese-capable font
// (tests/infra/chromium.mjs). Nothing to stop: each test launches and closes its own browser.
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../infra/chromium.mjs';
import type {} from './context.js';

export default async function setup(project: TestProject): Promise<void> {
  const { executablePath, version } = await ensureChromium();
  project.provide('chromium', { executablePath, version });
}

// Vitest global setup for browser projects: makes sure Debian's Chromium is installed before the run.
import { ensureChromium } from './chromium.mjs';

export default async function setup() {
  await ensureChromium();
}

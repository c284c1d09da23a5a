/**
 * Debian's Chromium for the browser tests (never a downloaded browser): where it lives, whether
 * this machine has it, and the one way the tests start it (headless, no sandbox for root in CI,
 * no GPU, nothing fetched in the background: the tests check that no request leaves the origin).
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const hasChromium = (): boolean => fs.existsSync(CHROMIUM);

/** Chromium with the flags every browser test needs, plus `extraArgs`. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/**
 * Test support: the real headless Chromium that report.html's tests (and the README screenshot)
 * open the page in. Debian's `chromium` driven by playwright-core, never a browser download.
 * Imported by tests only.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium; PAYCERT_CHROMIUM names another executable. */
export function chromiumPath(): string {
  return process.env.PAYCERT_CHROMIUM ?? '/usr/bin/chromium';
}

/** Why the browser tests cannot run here, or undefined when a Chromium executable exists. */
export function noChromiumReason(): string | undefined {
  const path = chromiumPath();
  return existsSync(path) ? undefined : `no Chromium executable at ${path} (apt-get install chromium, or set PAYCERT_CHROMIUM)`;
}

/**
 * The flags this machine needs: no sandbox (tests run as root), no GPU, and no background
 * networking of any kind (the network is closed, and a report must not reach it anyway).
 * playwright-core adds --headless and a fresh --user-data-dir of its own, removed on close.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts headless Chromium; the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

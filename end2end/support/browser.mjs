// Debian's Chromium, driven by playwright-core. Never a downloaded browser.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// Contexts default to an Indonesian browser: the product is Indonesian first, and a
// browser's Accept-Language decides the language of a first visit.
export async function launch() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: "id-ID", ...options });
  return browser;
}

/** Waits until the WASM bundle has hydrated the page (set by the frontend's entry). */
export async function hydrated(page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true", null, {
    timeout: 20_000,
  });
}

/** Opens `path` of `base` in a new page of `context`, expects a 200, waits for hydration. */
export async function openHydrated(context, base, path) {
  const page = await context.newPage();
  const response = await page.goto(base + path);
  if (response.status() !== 200) throw new Error(`${path}: HTTP ${response.status()}`);
  await hydrated(page);
  return page;
}

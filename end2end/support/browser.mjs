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

/**
 * Signs in at `/masuk` of `base` in a new page of `context` with a NIP, NI PPPK or
 * NIK and a password, and answers the page. With `toProfile` (the default) it waits
 * until the profile opens, so a refused sign-in fails here with the page's message;
 * without it the caller checks what the page says.
 */
export async function signIn(context, base, nomor, password, { toProfile = true } = {}) {
  const page = await openHydrated(context, base, "/masuk");
  await page.fill("#nomor", nomor);
  await page.fill("#kata_sandi", password);
  await page.click("button[type=submit]");
  if (toProfile) {
    try {
      await page.waitForURL(/\/profil\//);
    } catch (e) {
      const said = await page.locator(".form-error, [role=alert]").allInnerTexts().catch(() => []);
      throw new Error(`signing in as ${nomor} did not open the profile: ${said.join(" | ") || e.message}`);
    }
  }
  return page;
}

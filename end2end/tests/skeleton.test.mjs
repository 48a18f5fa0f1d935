import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";
import { hydrated } from "../support/browser.mjs";

const site = world({ demo: false });

test("without JavaScript the server renders the page, in Indonesian first", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(site.server.base + "/");
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute("html", "lang"), "id");
  assert.equal(await page.textContent("h1"), "Pemutakhiran Data Mandiri ASN");
  assert.equal(await page.locator("ol li").count(), 4);

  // The switch is a real link, so it works without JavaScript too.
  await page.click("[data-testid=lang-switch]");
  await page.waitForURL(site.server.base + "/");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("h1"), "Civil Servant Self-Service Data Update");
  await context.close();
});

test("with JavaScript the page hydrates and switches language in place", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

  await page.goto(site.server.base + "/");
  await hydrated(page);
  // A marker that a full page load would wipe: the switch must not navigate.
  await page.evaluate(() => (window.__sameDocument = true));
  await page.click("[data-testid=lang-switch]");
  await page.waitForFunction(() => document.querySelector("h1").textContent.startsWith("Civil"));
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("[data-testid=lang-switch]"), "Bahasa Indonesia");

  // The choice is kept: the next server render is English as well.
  const cookies = await context.cookies();
  assert.ok(cookies.some((c) => c.name === "i18n_pref_locale" && c.value === "en"), JSON.stringify(cookies));
  await page.reload();
  assert.equal(await page.textContent("h1"), "Civil Servant Self-Service Data Update");
  await hydrated(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an unknown address gets the 404 page in the layout", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(site.server.base + "/tidak-ada");
  assert.equal(response.status(), 404);
  assert.match(await page.textContent("h1"), /Halaman tidak ditemukan/);
  await context.close();
});

test("a browser that prefers English gets English on its first visit", async () => {
  const context = await site.browser.newContext({ locale: "en-US", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.server.base + "/");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await context.close();
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";

const site = world({ demo: false });

test("the manifest carries what installability needs", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.server.base + "/");
  const href = await page.getAttribute('link[rel="manifest"]', "href");
  const response = await page.request.get(new URL(href, site.server.base).toString());
  assert.equal(response.status(), 200);
  assert.match(response.headers()["content-type"], /application\/manifest\+json|application\/json/);
  const manifest = await response.json();
  assert.ok(manifest.name && manifest.short_name, "name and short_name");
  assert.equal(manifest.display, "standalone");
  assert.ok(manifest.start_url.startsWith("/"), "start_url on this site");
  assert.ok(manifest.id, "id");
  assert.equal(manifest.lang, "id");
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes("192x192") && sizes.includes("512x512"), JSON.stringify(sizes));
  assert.ok(manifest.icons.some((i) => (i.purpose || "").includes("maskable")), "a maskable icon");
  for (const icon of manifest.icons) {
    const img = await page.request.get(new URL(icon.src, site.server.base).toString());
    assert.equal(img.status(), 200, icon.src);
    assert.equal(img.headers()["content-type"], "image/png", icon.src);
    const [w, h] = icon.sizes.split("x").map(Number);
    const body = await img.body();
    // PNG IHDR: width and height are the big-endian words at bytes 16 and 20.
    assert.equal(body.readUInt32BE(16), w, icon.src);
    assert.equal(body.readUInt32BE(20), h, icon.src);
  }
  await context.close();
});

test("the service worker installs and reaches activated", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.server.base + "/");
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    // `ready` resolves once a worker is active, which may still be "activating".
    if (worker.state !== "activated") {
      await new Promise((resolve) =>
        worker.addEventListener("statechange", () => worker.state === "activated" && resolve())
      );
    }
    return { state: worker.state, scope: registration.scope };
  });
  assert.equal(state.state, "activated");
  assert.equal(state.scope, site.server.base + "/");
  await context.close();
});

// Last in this file: it stops the server.
test("with the server down a navigation gets the offline page", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.server.base + "/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // clients.claim() hands this page to the worker without a reload.
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
  await site.server.stop();
  await page.goto(site.server.base + "/profil");
  assert.equal(await page.locator("#offline").count(), 1);
  assert.match(await page.textContent("h1"), /Anda sedang luring/);
  await context.close();
});

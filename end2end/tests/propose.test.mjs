// Proposing a rank change from the form: the current value beside the proposed
// one, a cross-field error shown before anything is sent, a fake PDF refused in the
// browser, a real one uploaded with the proposal, and the printable proof with its
// verification code; what was typed is kept on the device and on the server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";
import { openHydrated, signIn as signInAt } from "../support/browser.mjs";
import { DEMO_PNS_NIP, DEMO_PASSWORD } from "../support/demo.mjs";

const site = world({ openPeriod: true });

const open = (context, path) => openHydrated(context, site.server.base, path);

const signIn = (context) => signInAt(context, site.server.base, DEMO_PNS_NIP, DEMO_PASSWORD);

const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% SK kenaikan pangkat\n%%EOF\n";

test("a rank change from the form, checked before sending, with its proof", async () => {
  const context = await site.browser.newContext();
  await signIn(context);
  const page = await open(context, "/usulan/baru/pangkat");
  const sent = [];
  page.on("request", (r) => {
    if (r.method() === "POST") sent.push(new URL(r.url()).pathname);
  });

  const golongan = page.locator('tr[data-field="golongan"]');
  assert.equal(await golongan.locator("td.old").innerText(), "III/d");
  assert.equal(await page.locator("tr.changed").count(), 0);

  // A rank lower than the one before it: the browser says so at the field, and
  // sending is refused without a request.
  await page.fill("#usulan-golongan", "III/a");
  await golongan.locator(".field-errors li", { hasText: "Golongan turun dari III/c menjadi III/a" }).waitFor();
  assert.equal(await golongan.getAttribute("class"), "changed");
  await page.setInputFiles("#berkas", { name: "sk.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) });
  await page.click("[data-testid=propose-form] button[type=submit]");
  await page.locator("[data-testid=check-error]", { hasText: "Golongan turun" }).waitFor();
  assert.deepEqual(sent, []);

  // A value the record type refuses is refused at its own field.
  await page.fill("#usulan-golongan", "III/z");
  await golongan.locator(".field-errors li", { hasText: "tidak sesuai" }).waitFor();

  // A renamed executable is refused before it is uploaded.
  await page.setInputFiles("#berkas", {
    name: "sk.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("MZ\x90\x00 this program cannot be run in DOS mode"),
  });
  await page.locator("[data-testid=file-errors] li", { hasText: "bukan PDF" }).waitFor();

  await page.fill("#usulan-golongan", "IV/a");
  await page.setInputFiles("#berkas", { name: "sk.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) });
  await page.locator("[data-testid=file-errors] li").waitFor({ state: "detached" });
  assert.equal(await golongan.locator(".field-errors li").count(), 0);
  assert.equal(await golongan.locator("td.old").innerText(), "III/d");
  await page.click("[data-testid=propose-form] button[type=submit]");
  const done = page.locator("[data-testid=proposal-sent]");
  await done.waitFor();
  const id = await done.getAttribute("data-id");
  assert.deepEqual(sent, ["/api/dokumen", "/api/ajukan_usulan"]);

  // The proof: what was proposed, and a verification code.
  await done.locator("[data-testid=proof-link]").click();
  await page.waitForURL(new RegExp(`/usulan/${id}/bukti$`));
  const code = await page.locator("[data-testid=verification-code]").innerText();
  assert.match(code, new RegExp(`^U${id}-[0-9A-Z]{4}-[0-9A-Z]{4}$`));
  assert.equal(await page.locator("[data-testid=proof-number]").innerText(), id);
  assert.equal(await page.locator('tr.changed[data-field="golongan"] td.new').innerText(), "IV/a");
  assert.equal(await page.locator('tr.changed[data-field="golongan"] td.old').innerText(), "III/d");

  // The same code on a fresh load: it is the server's, not the page's.
  const again = await open(context, `/usulan/${id}/bukti`);
  assert.equal(await again.locator("[data-testid=verification-code]").innerText(), code);

  // The record now has an open proposal: a second one is refused by the server.
  const second = await open(context, "/usulan/baru/pangkat");
  await second.fill("#usulan-golongan", "IV/b");
  await second.setInputFiles("#berkas", { name: "sk.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) });
  await second.locator("[data-testid=file-errors] li").waitFor({ state: "detached" });
  await second.click("[data-testid=propose-form] button[type=submit]");
  await second.locator("[data-testid=form-error]", { hasText: "masih memiliki usulan yang belum selesai" }).waitFor();

  // Withdrawn from the tracking page, which frees the record for the next test.
  const list = await open(context, "/usulan");
  await list.locator(`[data-testid=proposal][data-id="${id}"] [data-testid=withdraw]`).click();
  await list.locator(`[data-testid=proposal][data-id="${id}"][data-status="ditarik"]`).waitFor();
  await context.close();
});

test("what was typed survives a reload, and a proposal sent offline goes when back online", async () => {
  const context = await site.browser.newContext();
  await signIn(context);
  const page = await open(context, "/usulan/baru/pangkat");
  await page.fill("#usulan-golongan", "IV/b");
  await page.locator('tr.changed[data-field="golongan"]').waitFor();

  const reloaded = await open(context, "/usulan/baru/pangkat");
  await reloaded.locator('tr.changed[data-field="golongan"]').waitFor();
  assert.equal(await reloaded.inputValue("#usulan-golongan"), "IV/b");
  await page.close();

  await reloaded.setInputFiles("#berkas", { name: "sk.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) });
  await context.setOffline(true);
  await reloaded.click("[data-testid=propose-form] button[type=submit]");
  await reloaded.locator("[data-testid=proposal-offline]").waitFor();
  assert.equal(await reloaded.locator("[data-testid=proposal-sent]").count(), 0);

  await context.setOffline(false);
  const done = reloaded.locator("[data-testid=proposal-sent]");
  await done.waitFor({ timeout: 15_000 });
  const id = await done.getAttribute("data-id");
  const golongan = site.server.sql(`SELECT nilai_baru->'data'->>'golongan' FROM usulan WHERE id = ${id}`);
  assert.equal(golongan.trim(), "IV/b");

  // Sent, so no longer kept: the form opens at the current record again.
  const fresh = await open(context, "/usulan/baru/pangkat");
  assert.equal(await fresh.inputValue("#usulan-golongan"), "III/d");
  await context.close();
});

async function until(probe, what) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test("a draft typed offline on the phone reaches the server and opens on another device", async () => {
  const phone = await site.browser.newContext();
  await signIn(phone);
  const form = await open(phone, "/usulan/baru/pangkat");
  const original = await form.inputValue("#usulan-sk-nomor");
  await phone.setOffline(true);
  const failedSave = form.waitForEvent("requestfailed", (r) => r.url().endsWith("/api/simpan_draf"));
  await form.fill("#usulan-sk-nomor", "800/7/DRAF");
  await form.locator('tr.changed[data-field="sk.nomor"]').waitFor();
  // The save is tried while offline and fails; the draft waits on the phone.
  await failedSave;
  assert.equal(site.server.sql(`SELECT count(*) FROM draf_usulan WHERE riwayat = 'pangkat' AND isian->>'values' LIKE '%DRAF%'`).trim(), "0");
  await phone.setOffline(false);
  const kept = await until(
    () => site.server.sql(`SELECT isian->>'values' FROM draf_usulan WHERE riwayat = 'pangkat'`).trim(),
    "the draft on the server",
  );
  assert.match(kept, /800\/7\/DRAF/);

  // Another device, with nothing kept locally, opens the form where the phone left it.
  const desktop = await site.browser.newContext();
  await signIn(desktop);
  const there = await open(desktop, "/usulan/baru/pangkat");
  await there.locator('tr.changed[data-field="sk.nomor"]').waitFor();
  assert.equal(await there.inputValue("#usulan-sk-nomor"), "800/7/DRAF");

  // Typed back to the record as it is: nothing left to keep, anywhere.
  await there.fill("#usulan-sk-nomor", original);
  await until(
    () => site.server.sql(`SELECT isian->>'values' FROM draf_usulan WHERE riwayat = 'pangkat'`).trim() === "[]",
    "the draft to be forgotten",
  );
  await phone.close();
  await desktop.close();
});

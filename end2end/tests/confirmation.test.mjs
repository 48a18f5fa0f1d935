// "Periksa Data": an employee confirms the sections of their record one by one; the
// progress counts only the sections that apply to them (Budi is PPPK: five), each
// confirmation shows its time, survives a reload, and all of them complete it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";
import { hydrated, openHydrated, signIn as signInAt } from "../support/browser.mjs";
import { DEMO_PPPK_NIP, DEMO_PASSWORD } from "../support/demo.mjs";

const site = world();

const open = (context, path) => openHydrated(context, site.server.base, path);

test("an employee confirms each section and sees the progress", async () => {
  const context = await site.browser.newContext();
  await signInAt(context, site.server.base, DEMO_PPPK_NIP, DEMO_PASSWORD);

  const page = await open(context, "/konfirmasi");
  const text = page.locator("[data-testid=progress-text]");
  assert.equal(await text.innerText(), "0 dari 5 bagian sudah dikonfirmasi");
  const sections = await page.locator("li[data-section]").evaluateAll((items) => items.map((li) => li.dataset.section));
  assert.deepEqual(sections, ["data_personal", "diklat", "penghargaan", "keluarga", "organisasi"]);
  assert.equal(await page.locator("[data-testid=all-confirmed]").count(), 0);

  await page.click("[data-testid=confirm-data_personal]");
  await page.locator('li[data-section=data_personal][data-confirmed="true"]').waitFor();
  assert.equal(await text.innerText(), "1 dari 5 bagian sudah dikonfirmasi");
  assert.match(await page.locator("li[data-section=data_personal] .confirmed-at").innerText(), /WIB$/);
  assert.equal(await page.locator("[data-testid=progress]").getAttribute("value"), "1");

  // Kept by the server, not the page.
  await page.reload();
  await hydrated(page);
  assert.equal(await page.locator("[data-testid=progress-text]").innerText(), "1 dari 5 bagian sudah dikonfirmasi");

  for (const section of ["diklat", "penghargaan", "keluarga", "organisasi"]) {
    await page.click(`[data-testid=confirm-${section}]`);
    await page.locator(`li[data-section=${section}][data-confirmed="true"]`).waitFor();
  }
  await page.locator("[data-testid=all-confirmed]").waitFor();
  assert.equal(await page.locator("[data-testid=progress-text]").innerText(), "5 dari 5 bagian sudah dikonfirmasi");
  const stored = site.server.sql(
    `SELECT count(*) FROM konfirmasi_data k JOIN pegawai p ON p.id = k.pegawai_id WHERE p.nomor_induk = '${DEMO_PPPK_NIP}'`,
  );
  assert.equal(stored, "5");
  await context.close();
});

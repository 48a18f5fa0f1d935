// "Usulan Saya": an employee's proposal shows the record beside what was proposed,
// its place in the approval chain and its timeline; a step taken elsewhere (here:
// the withdrawal, through the workflow's own server function, from another tab)
// appears on the page without a reload; the page's own withdraw button works too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";
import { hydrated, openHydrated, signIn as signInAt } from "../support/browser.mjs";
import { DEMO_PNS_NIP, DEMO_PASSWORD } from "../support/demo.mjs";

const site = world({ openPeriod: true });

const open = (context, path) => openHydrated(context, site.server.base, path);

const signIn = (context) => signInAt(context, site.server.base, DEMO_PNS_NIP, DEMO_PASSWORD);

/** Uploads a PDF and proposes Rina's latest rank as `golongan`, from inside the page. */
function propose(page, golongan, key) {
  return page.evaluate(
    async ({ nip, golongan, key }) => {
      const profil = await (await fetch(`/api/profil?nomor_induk=${nip}`)).json();
      const latest = profil.pegawai.pangkat[0];
      const pdf = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${key}\n%%EOF\n`;
      const form = new FormData();
      form.append("berkas", new Blob([pdf], { type: "application/pdf" }), "sk-kp.pdf");
      const uploaded = await (await fetch("/api/dokumen", { method: "POST", body: form })).json();
      const response = await fetch("/api/ajukan_usulan", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          usulan: {
            kunci: key,
            target: { Existing: latest.id },
            record: { riwayat: "pangkat", data: { ...latest, golongan } },
            dokumen_id: uploaded.id,
            jenis_dokumen: "sk_kp",
          },
        }),
      });
      return { status: response.status, body: await response.text() };
    },
    { nip: DEMO_PNS_NIP, golongan, key },
  );
}

test("a proposal beside the record, its timeline, and a withdrawal arriving live", async () => {
  const context = await site.browser.newContext();
  const tab = await signIn(context);
  const first = await propose(tab, "IV/a", "7d3c1f0e-8a2b-4c5d-9e6f-0a1b2c3d4e5f");
  assert.equal(first.status, 200, first.body);
  const id = first.body;

  const page = await open(context, "/usulan");
  const card = page.locator(`[data-testid=proposal][data-id="${id}"]`);
  await card.waitFor();
  assert.equal(await card.getAttribute("data-status"), "diajukan");
  assert.match(await card.locator("[data-testid=proposal-status]").innerText(), /Menunggu verifikasi instansi/);
  // The changed field is marked, the old value beside the new.
  const row = card.locator('tr.changed[data-field="golongan"]');
  assert.equal(await row.locator("td.old").innerText(), "III/d");
  assert.equal(await row.locator("td.new").innerText(), "IV/a");
  assert.equal(await card.locator('tr.changed[data-field="tmt"]').count(), 0);
  assert.equal(await card.locator("[data-testid=timeline] li").count(), 1);
  assert.match(await page.locator("[data-testid=period]").innerText(), /dibuka sampai/);

  // Withdrawn from another tab: this page follows without a reload.
  const withdrawn = await tab.evaluate(async (id) => {
    const body = new URLSearchParams({ id });
    return (await fetch("/api/tarik_usulan", { method: "POST", body })).status;
  }, id);
  assert.equal(withdrawn, 200);
  await page.locator(`[data-testid=proposal][data-id="${id}"][data-status="ditarik"]`).waitFor({ timeout: 10_000 });
  assert.deepEqual(
    await card.locator("[data-testid=timeline] li").evaluateAll((items) => items.map((li) => li.dataset.kind)),
    ["diajukan", "ditarik"],
  );
  assert.equal(await card.locator("[data-testid=withdraw]").count(), 0);

  // The record is free again; the page's own button withdraws the new proposal.
  const second = await propose(tab, "IV/b", "0f1e2d3c-4b5a-4697-8877-665544332211");
  assert.equal(second.status, 200, second.body);
  const secondCard = page.locator(`[data-testid=proposal][data-id="${second.body}"]`);
  await secondCard.waitFor({ timeout: 10_000 });
  await secondCard.locator("[data-testid=withdraw]").click();
  await page.locator(`[data-testid=proposal][data-id="${second.body}"][data-status="ditarik"]`).waitFor();
  await context.close();
});

test("without signing in the page answers 401 and asks for it", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(site.server.base + "/usulan");
  assert.equal(response.status(), 401);
  await hydrated(page);
  await page.locator('a[href="/masuk"]', { hasText: "Masuk untuk melihat" }).waitFor();
  await context.close();
});

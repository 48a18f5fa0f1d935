// The full loop in real browsers: an employee proposes a rank change with a PDF; the
// agency's verifier, whose dashboard is already open, sees it arrive live, claims it
// and approves it; BKN's verifier approves it; the employee's tracking page changes
// live at each step, and their profile shows the new rank. Then a second proposal is
// returned with a reason the employee sees live, fixed and approved; a third has a
// typo the verifier corrects before approving (after checking the employee's printed
// proof), and the employee's notifications list every decision.
import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";
import { openHydrated, signIn as signInAt } from "../support/browser.mjs";
import { DEMO_PNS_NIP, DEMO_PASSWORD } from "../support/demo.mjs";

let agencyNip;
let bknNip;
const site = world({
  openPeriod: true,
  prepare: (server) => {
    // Two generated employees become verifiers, with the demo password: one of Rina's
    // agency, one of BKN Pusat.
    const [first, second] = server
      .sql(`SELECT nomor_induk FROM pegawai WHERE nomor_induk IS NOT NULL AND nomor_induk <> '${DEMO_PNS_NIP}'
              AND id NOT IN (SELECT pegawai_id FROM akun) ORDER BY id LIMIT 2`)
      .split("\n");
    agencyNip = first;
    bknNip = second;
    server.sql(`INSERT INTO akun (pegawai_id, password_hash, activated_at, password_changed_at)
                SELECT p.id, a.password_hash, now(), now()
                  FROM pegawai p, akun a JOIN pegawai r ON r.id = a.pegawai_id AND r.nomor_induk = '${DEMO_PNS_NIP}'
                 WHERE p.nomor_induk IN ('${agencyNip}', '${bknNip}')`);
    server.sql(`INSERT INTO peran (pegawai_id, peran, lingkup, instansi_id, tingkat)
                SELECT p.id, 'verifikator', 'instansi', r.instansi_id, 2
                  FROM pegawai p, pegawai r WHERE p.nomor_induk = '${agencyNip}' AND r.nomor_induk = '${DEMO_PNS_NIP}'`);
    server.sql(`INSERT INTO peran (pegawai_id, peran, lingkup, tingkat)
                SELECT id, 'verifikator', 'pusat', 4 FROM pegawai WHERE nomor_induk = '${bknNip}'`);
  },
});

const open = (context, path) => openHydrated(context, site.server.base, path);

async function signIn(nip) {
  const context = await site.browser.newContext();
  await signInAt(context, site.server.base, nip, DEMO_PASSWORD);
  return context;
}

const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% SK kenaikan pangkat\n%%EOF\n";

async function proposeRank(context, golongan) {
  const page = await open(context, "/usulan/baru/pangkat");
  await page.fill("#usulan-golongan", golongan);
  await page.setInputFiles("#berkas", { name: "sk.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) });
  await page.locator("[data-testid=file-errors] li").waitFor({ state: "detached" });
  await page.click("[data-testid=propose-form] button[type=submit]");
  const done = page.locator("[data-testid=proposal-sent]");
  await done.waitFor();
  const id = await done.getAttribute("data-id");
  await page.close();
  return id;
}

async function claimAndDecide(context, id, button, reason) {
  const page = await open(context, `/verifikasi/${id}`);
  await page.locator('tr.changed[data-field="golongan"]').waitFor();
  await page.click("[data-testid=claim]");
  await page.locator("[data-testid=decision-form]").waitFor();
  if (reason) await page.fill("[data-testid=reason]", reason);
  await page.click(`[data-testid=${button}]`);
  await page.locator("[data-testid=decided]").waitFor();
  return page;
}

test("a rank change goes through both verifiers live and lands in the profile", async () => {
  const employee = await signIn(DEMO_PNS_NIP);
  const agency = await signIn(agencyNip);
  const bkn = await signIn(bknNip);

  // The agency verifier's dashboard is open before anything is proposed.
  const dashboard = await open(agency, "/verifikasi");
  await dashboard.locator("[data-testid=queue-empty]").waitFor();

  const id = await proposeRank(employee, "IV/a");
  const tracking = await open(employee, "/usulan");
  const card = tracking.locator(`[data-testid=proposal][data-id="${id}"]`);
  await card.locator("[data-testid=proposal-status]", { hasText: "instansi" }).waitFor();

  // It appears on the dashboard without a reload.
  const row = dashboard.locator(`[data-testid=queue-item][data-id="${id}"]`);
  await row.waitFor({ timeout: 10_000 });

  // The agency approves: the employee's page follows, live.
  const decided = await claimAndDecide(agency, id, "approve");
  assert.match(await decided.locator("[data-testid=decided]").innerText(), /tingkat berikutnya/);
  await card.locator("[data-testid=proposal-status]", { hasText: "BKN Pusat" }).waitFor({ timeout: 10_000 });
  // Gone from the agency's queue, live too.
  await row.waitFor({ state: "detached", timeout: 10_000 });

  // BKN approves: applied.
  const applied = await claimAndDecide(bkn, id, "approve");
  assert.match(await applied.locator("[data-testid=decided]").innerText(), /diterapkan/);
  await tracking.locator(`[data-testid=proposal][data-id="${id}"][data-status="diterapkan"]`).waitFor({ timeout: 10_000 });
  const steps = await tracking
    .locator(`[data-testid=proposal][data-id="${id}"] [data-testid=timeline] li`)
    .evaluateAll((items) => items.map((li) => li.dataset.kind));
  assert.deepEqual(steps, ["diajukan", "disetujui", "disetujui", "diterapkan"]);

  // The profile shows the new rank.
  const profile = await open(employee, `/profil/${DEMO_PNS_NIP}`);
  const ranks = await profile.locator("#riwayat-pangkat").innerText();
  assert.match(ranks, /IV\/a/);

  for (const context of [employee, agency, bkn]) await context.close();
});

test("returned with a reason, fixed, resubmitted and approved", async () => {
  const employee = await signIn(DEMO_PNS_NIP);
  const agency = await signIn(agencyNip);
  const bkn = await signIn(bknNip);
  const id = await proposeRank(employee, "IV/c");
  const tracking = await open(employee, "/usulan");
  const card = tracking.locator(`[data-testid=proposal][data-id="${id}"]`);
  await card.waitFor();

  const page = await open(agency, `/verifikasi/${id}`);
  await page.click("[data-testid=claim]");
  await page.locator("[data-testid=decision-form]").waitFor();
  const sent = [];
  page.on("request", (r) => {
    if (r.method() === "POST") sent.push(new URL(r.url()).pathname);
  });
  // Without a reason the browser refuses before asking the server.
  await page.click("[data-testid=return]");
  await page.locator("[data-testid=reason-error]", { hasText: "alasannya" }).waitFor();
  assert.deepEqual(sent, []);
  await page.fill("[data-testid=reason]", "Golongan pada SK adalah IV/b, bukan IV/c.");
  await page.click("[data-testid=return]");
  await page.locator("[data-testid=decided]").waitFor();

  // The employee sees it come back, live, with the reason, and fixes it.
  await tracking.locator(`[data-testid=proposal][data-id="${id}"][data-status="dikembalikan"]`).waitFor({ timeout: 10_000 });
  assert.match(await card.locator(".reason").innerText(), /bukan IV\/c/);
  await card.locator("[data-testid=resubmit-link]").click();
  await tracking.waitForURL(/\/usulan\/baru\/pangkat$/);
  const form = tracking;
  await form.locator("[data-testid=returned-notice]", { hasText: "bukan IV/c" }).waitFor();
  assert.equal(await form.inputValue("#usulan-golongan"), "IV/c");
  await form.fill("#usulan-golongan", "IV/b");
  await form.setInputFiles("#berkas", { name: "sk.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) });
  await form.locator("[data-testid=file-errors] li").waitFor({ state: "detached" });
  await form.click("[data-testid=propose-form] button[type=submit]");
  const done = form.locator("[data-testid=proposal-sent]");
  await done.waitFor();
  assert.equal(await done.getAttribute("data-id"), id);

  await claimAndDecide(agency, id, "approve");
  await claimAndDecide(bkn, id, "approve");
  const list = await open(employee, "/usulan");
  await list.locator(`[data-testid=proposal][data-id="${id}"][data-status="diterapkan"]`).waitFor();
  const steps = await list
    .locator(`[data-testid=proposal][data-id="${id}"] [data-testid=timeline] li`)
    .evaluateAll((items) => items.map((li) => li.dataset.kind));
  assert.deepEqual(steps, ["diajukan", "dikembalikan", "diajukan_ulang", "disetujui", "disetujui", "diterapkan"]);
  const profile = await open(employee, `/profil/${DEMO_PNS_NIP}`);
  assert.match(await profile.locator("#riwayat-pangkat").innerText(), /IV\/b/);
  for (const context of [employee, agency, bkn]) await context.close();
});

test("a verifier corrects a typo before approving, and the employee is told of every decision", async () => {
  const employee = await signIn(DEMO_PNS_NIP);
  const agency = await signIn(agencyNip);
  const bkn = await signIn(bknNip);
  const id = await proposeRank(employee, "IV/c");

  // The employee's printed proof checks out on the verifier's dashboard; an altered
  // one does not; something that is no code at all is refused where it was typed.
  const proof = await open(employee, `/usulan/${id}/bukti`);
  const code = (await proof.locator("[data-testid=verification-code]").innerText()).trim();
  const check = await open(agency, "/verifikasi");
  await check.fill("#kode-bukti", "bukan kode");
  await check.click("[data-testid=proof-check] button[type=submit]");
  await check.locator("[data-testid=proof-code-error]").waitFor();
  await check.fill("#kode-bukti", ` ${code.toLowerCase()} `);
  await check.click("[data-testid=proof-check] button[type=submit]");
  await check.waitForURL(new RegExp(`/verifikasi/${id}\\?kode=`));
  await check.locator('[data-testid=proof-check-result][data-genuine="true"]').waitFor();
  const altered = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
  const forged = await open(agency, `/verifikasi/${id}?kode=${altered}`);
  await forged.locator('[data-testid=proof-check-result][data-genuine="false"]').waitFor();

  const page = await open(agency, `/verifikasi/${id}`);
  await page.click("[data-testid=claim]");
  await page.locator("[data-testid=decision-form]").waitFor();
  await page.check("[data-testid=correct]");
  // The correction runs the record's own types in the browser too.
  const proposedTmt = await page.inputValue("#koreksi-tmt");
  await page.fill("#koreksi-tmt", "2024-13-45");
  await page.locator('[data-testid=correction] tr[data-field="tmt"] .field-errors li').waitFor();
  await page.click("[data-testid=approve]");
  await page.locator("[data-testid=reason-error]", { hasText: "koreksi" }).waitFor();
  // The date back as proposed; the SK number's typo fixed.
  await page.fill("#koreksi-tmt", proposedTmt);
  await page.fill("#koreksi-sk-nomor", "800/99/BKD-2024");
  await page.locator('[data-testid=correction] tr.changed[data-field="sk.nomor"]').waitFor();
  await page.click("[data-testid=approve]");
  await page.locator("[data-testid=decided]", { hasText: "tingkat berikutnya" }).waitFor();

  // BKN sees the corrected values as the proposal, and applies them.
  const second = await open(bkn, `/verifikasi/${id}`);
  await second.locator('tr.changed[data-field="sk.nomor"]', { hasText: "800/99/BKD-2024" }).waitFor();
  await second.click("[data-testid=claim]");
  await second.locator("[data-testid=decision-form]").waitFor();
  await second.click("[data-testid=approve]");
  await second.locator("[data-testid=decided]", { hasText: "diterapkan" }).waitFor();

  const profile = await open(employee, `/profil/${DEMO_PNS_NIP}`);
  const ranks = await profile.locator("#riwayat-pangkat").innerText();
  assert.match(ranks, /IV\/c/);
  assert.match(ranks, /800\/99\/BKD-2024/);

  // The employee's notifications: the header counts them, the page lists them
  // newest first, and reading them clears the count.
  const link = profile.locator("[data-testid=notification-link]");
  assert.ok(Number(await link.getAttribute("data-unread")) >= 2);
  const notes = await open(employee, "/notifikasi");
  const first = notes.locator("[data-testid=notification]").first();
  assert.match(await first.locator("[data-testid=headline]").innerText(), /sudah diterapkan ke data Anda/);
  await notes.click("[data-testid=mark-read]");
  await notes.locator("[data-testid=unread-count]", { hasText: "Semua sudah dibaca" }).waitFor();
  await notes.locator('[data-testid=notification-link][data-unread="0"]').waitFor();
  for (const context of [employee, agency, bkn]) await context.close();
});

// The agency self-registration option through the UI: the agency's admin turns it
// on, an employee registers and gets the two-part proof, the registration
// verifier of their work unit grants access by the proof's number, and the
// employee signs in with the password they chose.
import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";
import { hydrated, openHydrated, signIn as signInAt } from "../support/browser.mjs";
import { DEMO_PNS_NIP, DEMO_PASSWORD } from "../support/demo.mjs";

const site = world();

const open = (context, path) => openHydrated(context, site.server.base, path);

const signIn = (context, nomor, password) =>
  signInAt(context, site.server.base, nomor, password, { toProfile: false });

/** Gives a generated employee an account with the demo password and a role. */
function withRole(nip, role) {
  site.server.sql(`INSERT INTO akun (pegawai_id, password_hash, activated_at)
    SELECT p.id, (SELECT a.password_hash FROM akun a JOIN pegawai r ON r.id = a.pegawai_id
                   WHERE r.nomor_induk = '${DEMO_PNS_NIP}'), now()
      FROM pegawai p WHERE p.nomor_induk = '${nip}'`);
  site.server.sql(`INSERT INTO peran (pegawai_id, peran, lingkup, unit_kerja_id, instansi_id, tingkat)
    SELECT id, '${role.peran}', '${role.lingkup}', ${role.unit ?? "NULL"}, ${role.instansi ?? "NULL"}, ${role.tingkat ?? "NULL"}
      FROM pegawai WHERE nomor_induk = '${nip}'`);
}

test("self-registration: admin turns it on, employee prints the proof, the unit's verifier grants", async () => {
  // Three generated employees without accounts, in one agency and unit.
  const rows = site.server
    .sql(`SELECT nomor_induk || '|' || nama || '|' || nik || '|' || instansi_id || '|' || unit_kerja_id
            FROM pegawai WHERE nomor_induk IS NOT NULL AND id NOT IN (SELECT pegawai_id FROM akun)
           ORDER BY id DESC LIMIT 3`)
    .split("\n")
    .map((r) => r.split("|"));
  const [nip, nama, nik, instansi, unit] = rows[0];
  const [adminNip] = rows[1];
  const [verifierNip] = rows[2];
  site.server.sql(`UPDATE pegawai SET instansi_id = ${instansi}, unit_kerja_id = ${unit}
               WHERE nomor_induk IN ('${adminNip}', '${verifierNip}')`);
  withRole(adminNip, { peran: "admin_instansi", lingkup: "instansi", instansi });
  withRole(verifierNip, { peran: "verifikator", lingkup: "unit_kerja", unit, tingkat: 1 });

  // The agency's admin chooses self-registration on the admin page.
  const adminContext = await site.browser.newContext();
  await (await signIn(adminContext, adminNip, DEMO_PASSWORD)).waitForURL(/\/profil\//);
  const admin = await open(adminContext, "/admin");
  await admin.check("[data-testid=mode-self]");
  await admin.click("[data-testid=activation-mode] button[type=submit]");
  await admin.locator("[data-testid=activation-mode-saved]").waitFor();
  assert.equal(site.server.sql(`SELECT cara_aktivasi FROM instansi WHERE id = ${instansi}`), "registrasi_mandiri");
  await adminContext.close();

  // The employee finds registration from the activation page.
  const context = await site.browser.newContext();
  const activation = await open(context, "/aktivasi");
  await activation.click("[data-testid=register-link]");
  await activation.waitForURL(/\/registrasi$/);
  await hydrated(activation);
  const page = activation;
  // Checked in the browser first: nothing is sent while the form is wrong.
  const calls = [];
  page.on("request", (r) => { if (r.url().includes("/api/daftar_registrasi")) calls.push(r.url()); });
  await page.click("button[type=submit]");
  await page.locator("#nik-errors li").first().waitFor();
  await page.fill("#nomor", nip);
  await page.fill("#nik", nik);
  await page.fill("#kata_sandi", "lemah");
  await page.locator("#kata_sandi-errors li", { hasText: "huruf besar" }).waitFor();
  assert.equal(calls.length, 0, "nothing sent while the form is wrong");
  await page.fill("#kata_sandi", "Daftar2026x");
  await page.fill("#ulangi", "Daftar2026x");
  await page.click("button[type=submit]");

  // The proof: two parts, the same number on both, for the verifier and to keep.
  const part1 = page.locator("[data-testid=proof-part-1]");
  const part2 = page.locator("[data-testid=proof-part-2]");
  await part1.waitFor();
  assert.match(await part1.textContent(), /Lembar 1/);
  assert.match(await part2.textContent(), /Lembar 2/);
  const number = (await part1.locator("[data-testid=proof-number]").textContent()).trim();
  assert.match(number, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal((await part2.locator("[data-testid=proof-number]").textContent()).trim(), number);
  assert.ok((await part1.textContent()).includes(nama));
  assert.ok((await part1.textContent()).includes(nip));
  assert.ok(!(await part1.textContent()).includes("Daftar2026x"), "the password is not printed");
  // Printed, only the proof shows.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".topbar").isVisible(), false);
  assert.equal(await page.locator("[data-testid=print-proof]").isVisible(), false);
  assert.equal(await part1.isVisible(), true);
  await page.emulateMedia({ media: "screen" });

  // Before the grant, signing in says it waits for the verifier.
  const early = await signIn(context, nip, "Daftar2026x");
  await early.locator("[data-testid=form-error]", { hasText: "menunggu persetujuan" }).waitFor();

  // The registration verifier of the unit types the number from part 1, sees the
  // server's name for it, types the NIP from the person's documents and grants.
  const verifierContext = await site.browser.newContext();
  await (await signIn(verifierContext, verifierNip, DEMO_PASSWORD)).waitForURL(/\/profil\//);
  const account = await open(verifierContext, "/akun");
  await account.click("[data-testid=registration-desk-link]");
  await account.waitForURL(/\/registrasi\/verifikasi$/);
  await hydrated(account);
  const listed = account.locator(`[data-testid=registrations-waiting] li[data-nip="${nip}"]`);
  await listed.waitFor();
  assert.ok(!(await listed.textContent()).includes(number), "the list hides the full number");
  await account.fill("#reg-nomor", number.toLowerCase());
  await account.click("[data-testid=look-up]");
  await account.locator("[data-testid=found-name]", { hasText: nama }).waitFor();
  await account.fill("#reg-nip", verifierNip);
  await account.click("[data-testid=grant]");
  await account.locator("#reg-nip-errors li", { hasText: "bukan NIP pendaftar" }).waitFor();
  await account.fill("#reg-nip", nip);
  await account.click("[data-testid=grant]");
  await account.locator("[data-testid=registration-decided]").waitFor();
  await listed.waitFor({ state: "detached" });
  await verifierContext.close();

  // Now the employee is in, with the password chosen at registration.
  const signedIn = await signIn(context, nip, "Daftar2026x");
  await signedIn.waitForURL(new RegExp(`/profil/${nip}$`));
  await context.close();
});

// Contact reconciliation through the UI: agency, NIP, "Cek NIP", email, phone and
// the security code, then the confirmation link from the email.
import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";
import { hydrated } from "../support/browser.mjs";
import { captchaAnswer } from "../support/captcha.mjs";

const site = world();

test("an employee states an active contact and confirms it from the email", async () => {
  // A generated employee who has no account yet (reconciliation comes before activation).
  const [nip, nama, instansi] = site.server
    .sql("SELECT nomor_induk || '|' || nama || '|' || instansi_id FROM pegawai WHERE nomor_induk IS NOT NULL AND id NOT IN (SELECT pegawai_id FROM akun) ORDER BY id LIMIT 1")
    .split("|");
  const masked = nama.split(/\s+/).map((w) => `${w[0]}***`).join(" ");
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.base}/rekonsiliasi`);
  await hydrated(page);
  await page.locator(`#instansi option[value="${instansi}"]`).waitFor({ state: "attached" });
  await page.selectOption("#instansi", instansi);
  await page.fill("#nomor", nip);
  await page.click("[data-testid=cek-nip]");
  await page.locator("[data-testid=nip-found]", { hasText: masked }).waitFor();

  await page.fill("#email", "budi.aktif@sekolah.go.id");
  await page.fill("#hp", "0812 1111 2222");
  // A wrong code first: refused, and a new picture comes.
  const first = await page.locator("[data-testid=captcha]").getAttribute("data-token");
  const wrong = captchaAnswer(first) === "00000" ? "11111" : "00000";
  await page.fill("#kode", wrong);
  await page.click("button[type=submit]");
  await page.locator("#kode-errors li", { hasText: "Kode keamanan salah" }).waitFor();
  await page.waitForFunction(
    (old) => document.querySelector("[data-testid=captcha]")?.dataset.token !== old,
    first,
  );
  const token = await page.locator("[data-testid=captcha]").getAttribute("data-token");
  await page.fill("#kode", captchaAnswer(token));
  await page.click("button[type=submit]");
  await page.locator("[data-testid=contact-stated]", { hasText: "b*********@sekolah.go.id" }).waitFor();

  const mailbox = await context.newPage();
  await mailbox.goto(`${site.server.base}/dev/surat`);
  const message = mailbox.locator("article.surat", { has: mailbox.locator(".to", { hasText: "budi.aktif@sekolah.go.id" }) }).first();
  const href = await message.locator("a").first().getAttribute("href");
  assert.match(href, /\/rekonsiliasi\/konfirmasi\?token=[A-Za-z0-9_-]{43}$/);
  const confirm = await context.newPage();
  await confirm.goto(href);
  await hydrated(confirm);
  await confirm.click("[data-testid=confirm-contact]");
  await confirm.locator("[data-testid=contact-confirmed]").waitFor();
  assert.equal(
    site.server.sql("SELECT email_confirmed_at IS NOT NULL FROM rekonsiliasi_kontak WHERE status = 'menunggu'"),
    "t",
  );
  await context.close();
});

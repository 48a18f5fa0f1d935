// The account journeys through the UI, with JavaScript on: activation from the
// emailed token, the wrong-email answer, sign-in, sign-out, password reset, and
// the checks the browser makes before anything is sent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";
import { hydrated, openHydrated, signIn as signInAt } from "../support/browser.mjs";
import {
  DEMO_PPPK_NIP, DEMO_PPPK_EMAIL, DEMO_PPT_NIK, DEMO_PPT_EMAIL, DEMO_PASSWORD,
} from "../support/demo.mjs";

const site = world();

const open = (context, path) => openHydrated(context, site.server.base, path);

/** The newest message in the development mailbox for `to`, as its link. */
async function newestLink(context, to) {
  const page = await context.newPage();
  await page.goto(`${site.server.base}/dev/surat`);
  const message = page.locator("article.surat", { has: page.locator(".to", { hasText: to }) }).first();
  const href = await message.locator("a").first().getAttribute("href");
  await page.close();
  assert.match(href, /\/kata-sandi\?token=[A-Za-z0-9_-]{43}$/);
  return href;
}

async function requestToken(context, path, nomor, email) {
  const page = await open(context, path);
  await page.fill("#nomor", nomor);
  await page.fill("#email", email);
  await page.click("button[type=submit]");
  return page;
}

const signIn = (context, nomor, password) =>
  signInAt(context, site.server.base, nomor, password, { toProfile: false });

test("activation: token by email, a password under the policy, then sign in", async () => {
  const context = await site.browser.newContext();
  const page = await requestToken(context, "/aktivasi", DEMO_PPT_NIK, DEMO_PPT_EMAIL);
  const sent = page.locator("[data-testid=token-sent]");
  await sent.waitFor();
  assert.match(await sent.textContent(), /a\*+@bkn\.go\.id/);

  const link = await newestLink(context, DEMO_PPT_EMAIL);
  const setPage = await open(context, new URL(link).pathname + new URL(link).search);
  // The rules show while typing, before anything is sent.
  await setPage.fill("#kata_sandi", "lemah");
  await setPage.locator("#kata_sandi-errors li", { hasText: "huruf besar" }).waitFor();
  await setPage.locator("#kata_sandi-errors li", { hasText: "angka" }).waitFor();
  await setPage.fill("#kata_sandi", "Sulawesi2026");
  await setPage.fill("#ulangi", "Sulawesi2026");
  assert.equal(await setPage.locator("#kata_sandi-errors li").count(), 0);
  await setPage.click("button[type=submit]");
  await setPage.locator("[data-testid=password-saved]").waitFor();

  // The same link does not work twice.
  const again = await open(context, new URL(link).pathname + new URL(link).search);
  await again.fill("#kata_sandi", "Makassar2027");
  await again.fill("#ulangi", "Makassar2027");
  await again.click("button[type=submit]");
  await again.locator("[data-testid=form-error]", { hasText: "sudah dipakai" }).waitFor();

  const signedIn = await signIn(context, DEMO_PPT_NIK, "Sulawesi2026");
  await signedIn.waitForURL(/\/akun$/);
  await signedIn.locator("[data-testid=me-name]", { hasText: "Andi" }).waitFor();
  await context.close();
});

test("a wrong email tells the user to contact their agency's admin", async () => {
  const context = await site.browser.newContext();
  const page = await requestToken(context, "/lupa-kata-sandi", DEMO_PPPK_NIP, "salah@example.go.id");
  const error = page.locator("[data-testid=form-error]");
  await error.filter({ hasText: "hubungi admin" }).waitFor();
  assert.equal(await page.locator("[data-testid=token-sent]").count(), 0);
  await context.close();
});

test("sign in lands on the own profile; sign out ends it", async () => {
  const context = await site.browser.newContext();
  const page = await signIn(context, DEMO_PPPK_NIP, DEMO_PASSWORD);
  await page.waitForURL(new RegExp(`/profil/${DEMO_PPPK_NIP}$`));
  await page.locator("[data-testid=profile-name]").waitFor();
  await page.locator("[data-testid=account-link]", { hasText: "Budi" }).waitFor();

  await page.click("[data-testid=account-link]");
  await page.waitForURL(/\/akun$/);
  await hydrated(page);
  await page.click("[data-testid=logout]");
  await page.waitForURL(/\/masuk$/);
  await page.locator("[data-testid=login-link]").waitFor();
  const cookies = await context.cookies();
  const response = await page.request.get(`${site.server.base}/api/saya`);
  assert.equal(await response.text(), "null", `signed out (cookies: ${cookies.map((c) => c.name)})`);
  await context.close();
});

test("a wrong password is refused in the user's language, and the form checks the NIP first", async () => {
  const context = await site.browser.newContext();
  const page = await open(context, "/masuk");
  const calls = [];
  page.on("request", (r) => { if (r.url().includes("/api/masuk")) calls.push(r.url()); });
  await page.fill("#nomor", "12345");
  await page.fill("#kata_sandi", "apa saja");
  await page.click("button[type=submit]");
  await page.locator("#nomor-errors li", { hasText: "18 angka" }).waitFor();
  assert.equal(calls.length, 0, "nothing sent while the NIP is malformed");

  await page.fill("#nomor", DEMO_PPPK_NIP);
  await page.fill("#kata_sandi", "Salah2026x");
  await page.click("button[type=submit]");
  await page.locator("[data-testid=form-error]", { hasText: "NIP atau kata sandi salah" }).waitFor();
  await context.close();

  const english = await site.browser.newContext({ locale: "en-US" });
  const en = await open(english, "/masuk");
  await en.fill("#nomor", DEMO_PPPK_NIP);
  await en.fill("#kata_sandi", "Salah2026x");
  await en.click("button[type=submit]");
  await en.locator("[data-testid=form-error]", { hasText: "Wrong NIP or password" }).waitFor();
  await english.close();
});

test("reset: a forgotten password is replaced through the emailed link", async () => {
  const context = await site.browser.newContext();
  const page = await requestToken(context, "/lupa-kata-sandi", DEMO_PPPK_NIP, DEMO_PPPK_EMAIL);
  await page.locator("[data-testid=token-sent]").waitFor();
  const link = await newestLink(context, DEMO_PPPK_EMAIL);
  const setPage = await open(context, new URL(link).pathname + new URL(link).search);
  await setPage.fill("#kata_sandi", "GantiBaru2026");
  await setPage.fill("#ulangi", "GantiBaru2026");
  await setPage.click("button[type=submit]");
  await setPage.locator("[data-testid=password-saved]").waitFor();

  const old = await signIn(context, DEMO_PPPK_NIP, DEMO_PASSWORD);
  await old.locator("[data-testid=form-error]", { hasText: "NIP atau kata sandi salah" }).waitFor();
  const fresh = await signIn(context, DEMO_PPPK_NIP, "GantiBaru2026");
  await fresh.waitForURL(new RegExp(`/profil/${DEMO_PPPK_NIP}$`));
  await context.close();
});

test("an agency's wrong email is fixed by the admin, and the token then arrives", async () => {
  const context = await site.browser.newContext();
  const page = await signIn(context, "198503122010012901", DEMO_PASSWORD); // Rina, BKN admin
  await page.waitForURL(/\/profil\//);
  const admin = await open(context, "/admin");
  await admin.fill("#kontak-nomor", DEMO_PPPK_NIP);
  await admin.fill("#kontak-email", "bukan-email");
  await admin.locator("#kontak-email-errors li").first().waitFor(); // checked while typing
  await admin.fill("#kontak-email", "budi.baru@sekolah.go.id");
  await admin.click("[data-testid=fix-contact] button[type=submit]");
  await admin.locator("[data-testid=contact-saved]").waitFor();

  const other = await site.browser.newContext();
  const request = await requestToken(other, "/lupa-kata-sandi", DEMO_PPPK_NIP, "budi.baru@sekolah.go.id");
  await request.locator("[data-testid=token-sent]").waitFor();
  assert.ok((await newestLink(other, "budi.baru@sekolah.go.id")).includes("token="));
  await other.close();
  await context.close();
});

test("a plain employee cannot use the admin page", async () => {
  const context = await site.browser.newContext();
  const page = await signIn(context, DEMO_PPPK_NIP, "GantiBaru2026"); // after the reset test
  await page.waitForURL(/\/profil\//);
  const admin = await open(context, "/admin");
  await admin.fill("#kontak-nomor", "198503122010012901");
  await admin.fill("#kontak-email", "rina.lain@bkn.go.id");
  await admin.click("[data-testid=fix-contact] button[type=submit]");
  await admin.locator("[data-testid=form-error]", { hasText: "tidak berwenang" }).first().waitFor();
  await context.close();
});

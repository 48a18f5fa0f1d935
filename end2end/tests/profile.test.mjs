import { test } from "node:test";
import assert from "node:assert/strict";
import { world } from "../support/world.mjs";
import { hydrated } from "../support/browser.mjs";
import { DEMO_PNS_NIP, DEMO_PPPK_NIP } from "../support/demo.mjs";

// Every history a PNS has, by its code on the page (data-riwayat).
const PNS_HISTORIES = [
  "jabatan", "pendidikan", "diklat", "skp", "penghargaan", "pangkat", "keluarga",
  "peninjauan_masa_kerja", "pindah_instansi", "cltn", "cpns_pns", "organisasi",
];

const site = world();

for (const javaScriptEnabled of [false, true]) {
  test(`a demo PNS's profile shows Data Personal and every history (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const response = await page.goto(`${site.server.base}/profil/${DEMO_PNS_NIP}`);
    assert.equal(response.status(), 200);
    if (javaScriptEnabled) await hydrated(page);

    assert.ok((await page.textContent("[data-testid=profile-name]")).trim().length > 0);
    const personal = await page.textContent("[data-testid=data-personal]");
    assert.match(personal, new RegExp(DEMO_PNS_NIP));
    assert.match(personal, /Pegawai Negeri Sipil|PNS/);

    for (const code of PNS_HISTORIES) {
      const section = page.locator(`[data-riwayat="${code}"]`);
      assert.equal(await section.count(), 1, `section ${code}`);
      const count = Number(await section.getAttribute("data-count"));
      assert.ok(count >= 1, `${code} has records (${count})`);
      assert.equal(await section.locator("li.record").count(), count, `${code} lists them all`);
    }
    // Reference values are shown by their Indonesian names, not codes.
    const pangkat = await page.textContent('[data-riwayat="pangkat"]');
    assert.match(pangkat, /(Juru|Pengatur|Penata|Pembina)/);
    assert.doesNotMatch(pangkat, /pengangkatan_cpns|reguler\b/);

    // Readable on a phone: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
    await context.close();
  });
}

test("a PPPK's profile lists only the histories a PPPK has", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.base}/profil/${DEMO_PPPK_NIP}`);
  const codes = await page.$$eval("[data-riwayat]", (els) => els.map((e) => e.dataset.riwayat));
  assert.deepEqual(codes.sort(), ["diklat", "keluarga", "organisasi", "penghargaan"]);
  await context.close();
});

test("switching to English shows reference values in English", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.base}/profil/${DEMO_PNS_NIP}`);
  await hydrated(page);
  await page.click("[data-testid=lang-switch]");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(await page.textContent("[data-testid=data-personal]"), /Personal data/);
  assert.match(await page.textContent('[data-riwayat="pangkat"] h2'), /Ranks/);
  await context.close();
});

test("an unknown NIP gets a clear not-found page", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${site.server.base}/profil/198001012005011999`);
  assert.equal(response.status(), 404);
  assert.match(await page.textContent("[role=alert]"), /tidak ditemukan/);
  await context.close();
});

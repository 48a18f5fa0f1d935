// What every browser test file starts with: the release server on a fresh database
// of its own and one headless Chromium, started before the file's tests and
// stopped after them.
import { before, after } from "node:test";
import { startServer } from "./server.mjs";
import { launch } from "./browser.mjs";

/** Opens the update period from an hour ago for 30 days. */
export const OPEN_PERIOD = `INSERT INTO periode_pemutakhiran (dibuka, ditutup)
  VALUES (now() - interval '1 hour', now() + interval '30 days')`;

/**
 * Registers the file's `before` and `after` hooks. The answer holds `server` and
 * `browser` once `before` has run; `prepare(server)` runs last in it.
 */
export function world({ demo = true, openPeriod = false, prepare } = {}) {
  const w = { server: undefined, browser: undefined };
  before(async () => {
    w.server = await startServer({ demo });
    w.browser = await launch();
    if (openPeriod) w.server.sql(OPEN_PERIOD);
    await prepare?.(w.server);
  });
  after(async () => {
    await w.browser?.close();
    await w.server?.drop();
  });
  return w;
}

// Starts the release server binary on a free port against a fresh database, and
// stops it again. Every test file gets its own database, so tests never share state.
// `demo: true` needs the binary built with the demo data (`cargo leptos build --release
// --bin-features demo`, as scripts/test.sh builds it); one built without refuses to start.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");

const targetDir = process.env.CARGO_TARGET_DIR || path.join(ROOT, "target");
export const BINARY = process.env.MUTAKHIR_BIN || path.join(targetDir, "release", "mutakhir");
export const SITE_ROOT = process.env.MUTAKHIR_SITE_ROOT || path.join(ROOT, "target", "site");
// An admin connection that may create and drop databases.
const ADMIN_URL = process.env.MUTAKHIR_TEST_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export const TEST_SECRET_KEY = "end-to-end-test-secret-key-not-for-production";

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function psql(sql) {
  execFileSync("psql", [ADMIN_URL, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], { stdio: "pipe" });
}

function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = "/" + name;
  return url.toString();
}

async function waitReady(base, child, logs) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}:\n${logs.join("")}`);
    }
    try {
      const response = await fetch(base + "/readyz");
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready after 30 s:\n${logs.join("")}`);
}

/** A running server with its own database. `stop()` kills it; `drop()` also drops the database. */
export async function startServer({ database, demo = false } = {}) {
  const name = database || "mutakhir_e2e_" + randomBytes(6).toString("hex");
  if (!database) psql(`CREATE DATABASE ${name}`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logs = [];
  const child = spawn(BINARY, [], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(name),
      LEPTOS_OUTPUT_NAME: "mutakhir",
      LEPTOS_SITE_ROOT: SITE_ROOT,
      LEPTOS_SITE_PKG_DIR: "pkg",
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_RELOAD_PORT: "0",
      LEPTOS_HASH_FILES: "true",
      LEPTOS_ENV: "PROD",
      MUTAKHIR_PUBLIC_ORIGIN: base,
      MUTAKHIR_DEMO: demo ? "true" : "false",
      // Emails go to the development mailbox at /dev/surat, where tests read them.
      MUTAKHIR_DEV_MAILBOX: "true",
      // Known to the tests, which read captchas the way only the key holder can.
      MUTAKHIR_SECRET_KEY: TEST_SECRET_KEY,
      RUST_LOG: process.env.RUST_LOG || "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => logs.push(d.toString()));
  child.stderr.on("data", (d) => logs.push(d.toString()));
  await waitReady(base, child, logs);

  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  return {
    base,
    database: name,
    /** Runs one SQL query against this server's database, returning the text output. */
    sql(query) {
      return execFileSync("psql", [databaseUrl(name), "-qAtc", query], { encoding: "utf8" }).trim();
    },
    logs,
    stop,
    async drop() {
      await stop();
      psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

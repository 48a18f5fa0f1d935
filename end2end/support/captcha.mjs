// Reads a captcha the way only the holder of the server's key can: the answer
// is derived from the key and the token's nonce (app/src/auth/captcha.rs).
import { createHash, createHmac } from "node:crypto";
import { TEST_SECRET_KEY } from "./server.mjs";

export function captchaAnswer(token) {
  const key = createHash("sha256").update(TEST_SECRET_KEY).digest();
  const nonce = Buffer.from(token, "base64url").subarray(0, 16);
  const mac = createHmac("sha256", key).update("mutakhir-captcha-answer").update(nonce).digest();
  return [...mac.subarray(0, 5)].map((b) => String(b % 10)).join("");
}

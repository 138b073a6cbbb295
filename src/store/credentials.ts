import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { InputError } from "../core/errors.js";
import { SignatureError } from "../core/release/index.js";
import { appendAudit } from "./audit.js";
import type { Queryable } from "./db.js";

/** scrypt cost parameters (RFC 7914; N = 2^14, r = 8, p = 1 as OWASP's minimum for scrypt). */
export const SCRYPT_PARAMETERS = { N: 16_384, r: 8, p: 1, keyLength: 64, saltBytes: 16 } as const;

const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

/** A password hash as stored: `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export function hashPassword(
  password: string,
  salt: Buffer = randomBytes(SCRYPT_PARAMETERS.saltBytes),
): string {
  const { N, r, p, keyLength } = SCRYPT_PARAMETERS;
  const hash = scryptSync(password.normalize("NFC"), salt, keyLength, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

/** True when `password` hashes to `stored` (compared in constant time). */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = scryptSync(password.normalize("NFC"), Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Sets (or replaces) a user's signing password; the audit row names the user, never the hash.
 * @throws InputError for a malformed user name or a password shorter than 8 characters.
 */
export async function setUserPassword(tx: Queryable, actor: string, userName: string, password: string) {
  checkUserName(userName);
  if (typeof password !== "string" || password.length < 8) {
    throw new InputError("password: expected at least 8 characters");
  }
  const [existing] = await tx.query<{ user_name: string }>(
    "select user_name from user_credentials where user_name = $1 for update",
    [userName],
  );
  await tx.query(
    `insert into user_credentials (user_name, password_hash) values ($1, $2)
     on conflict (user_name) do update set password_hash = excluded.password_hash, updated_at = now()`,
    [userName, hashPassword(password)],
  );
  await appendAudit(tx, actor, {
    action: existing ? "user.password.change" : "user.password.set",
    entity: "user",
    entityId: userName,
  });
}

/**
 * Re-authenticates a signer.
 * @throws SignatureError when the user has no password or the password is wrong.
 */
export async function authenticate(db: Queryable, userName: string, password: string): Promise<void> {
  checkUserName(userName);
  const [row] = await db.query<{ password_hash: string }>(
    "select password_hash from user_credentials where user_name = $1",
    [userName],
  );
  // Hash even for an unknown user, so timing does not tell which users exist.
  const ok = verifyPassword(password ?? "", row?.password_hash ?? hashPassword("", Buffer.alloc(16)));
  if (!row || !ok) {
    throw new SignatureError(
      `signature refused for '${userName}': wrong user name or password (set one with 'ixalab user set-password')`,
    );
  }
}

function checkUserName(userName: string) {
  if (typeof userName !== "string" || !USER_NAME.test(userName)) {
    throw new InputError(
      `user name: expected 1–64 letters, digits or . _ @ -, found '${String(userName).slice(0, 80)}'`,
    );
  }
}

import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random 256-bit token for a cookie or a link; only its hash is stored. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** argon2id (the library's default algorithm) with its default cost: about 60 ms here. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the user is unknown makes both answers take the same time.
const DUMMY_HASH = hash('not-a-password-anyone-has');

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  try {
    const matches = await verify(stored ?? (await DUMMY_HASH), password);
    return stored !== null && matches;
  } catch {
    return false;
  }
}

export const PASSWORD_MIN = 10;

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets of the dashboard: sign-in links, sessions and CSRF tokens. Each is 32 random bytes,
 * URL-safe; the store keeps only its sha256, so a copy of the store signs no one in.
 */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A token as it may come from outside: the shape newToken makes, nothing longer. */
export const isTokenShape = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const [x, y] = [Buffer.from(hashToken(a)), Buffer.from(hashToken(b))];
  return timingSafeEqual(x, y);
}

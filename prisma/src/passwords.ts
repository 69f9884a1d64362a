import { hash, verify } from '@node-rs/argon2';

// The library's defaults are argon2id, m=19 MiB, t=2, p=1: OWASP's minimum recommendation.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

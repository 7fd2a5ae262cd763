import { hash, verify } from '@node-rs/argon2'

/** OWASP's recommended Argon2id cost: 19 MiB, 2 iterations, 1 lane. */
const argon2Options = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | null = null

/** Spends the time of one verification, so that an unknown email answers as slowly as a known one. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing')
  await verifyPassword(await dummyHash, password)
  return false
}

// A vault's identity: an age X25519 key pair (bundles are encrypted to its public half) and an
// Ed25519 key pair (every bundle's manifest is signed with it). Made on first use, kept in the vault.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { IdentityKeys } from '../store/identity.ts';
import type { Store } from '../store/index.ts';

export async function makeIdentity(): Promise<IdentityKeys> {
  const ageSecret = await generateX25519Identity();
  const ageRecipient = await identityToRecipient(ageSecret);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    ageSecret,
    ageRecipient,
    signingSecret: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    signingPublic: jwk.x as string,
  };
}

/** The vault's keys, made and kept the first time they are needed. */
export async function identityOf(store: Store): Promise<IdentityKeys> {
  return store.identity.get() ?? store.identity.keep(await makeIdentity());
}

export function signManifest(keys: IdentityKeys, manifest: Uint8Array): Uint8Array {
  const key = createPrivateKey({ key: Buffer.from(keys.signingSecret, 'base64'), format: 'der', type: 'pkcs8' });
  return new Uint8Array(sign(null, manifest, key));
}

/** Whether `signature` is the Ed25519 signature of `manifest` by the key `signingKey` (base64url, 32 bytes). */
export function signatureHolds(signingKey: string, manifest: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signingKey }, format: 'jwk' });
    return verify(null, manifest, key, signature);
  } catch {
    return false;
  }
}

/** A short, readable fingerprint of a public key, for people to compare aloud: "age1qy…7k3p". */
export function shortKey(ageRecipient: string): string {
  return `${ageRecipient.slice(0, 8)}…${ageRecipient.slice(-6)}`;
}

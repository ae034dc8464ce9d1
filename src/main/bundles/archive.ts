// A bundle's bytes: the inner ZIP (fflate, in memory) and the age encryption around it. Nothing here
// touches the disk: the caller writes the encrypted bytes, or reads them, and nothing else.
import { Decrypter, Encrypter } from 'age-encryption';
import { type Unzipped, unzipSync, type Zippable, zipSync } from 'fflate';
import { UprightError } from '../../shared/errors.ts';

/** Largest inner archive member accepted (an original file), and the whole archive. */
const MAX_MEMBER_BYTES = 512 * 1024 * 1024;
const MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;

export interface Lock {
  recipients: string[];
  passphrase?: string;
  /** scrypt's log2 work factor for a passphrase (age's default 18; tests may lower it). */
  scryptWorkFactor?: number;
}

export function pack(files: Record<string, { bytes: Uint8Array; compress: boolean }>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, file] of Object.entries(files)) zippable[name] = [file.bytes, { level: file.compress ? 6 : 0 }];
  return zipSync(zippable, { mtime: new Date('2000-01-01T00:00:00Z') });
}

export function unpack(bytes: Uint8Array): Unzipped {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (file.originalSize > MAX_MEMBER_BYTES || total > MAX_TOTAL_BYTES) throw new UprightError('BUNDLE_DAMAGED');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UprightError) throw error;
    throw new UprightError('BUNDLE_DAMAGED');
  }
}

export async function lock(plain: Uint8Array, how: Lock): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  if (how.passphrase !== undefined) {
    encrypter.setPassphrase(how.passphrase);
    if (how.scryptWorkFactor !== undefined) encrypter.setScryptWorkFactor(how.scryptWorkFactor);
  } else {
    if (how.recipients.length === 0) throw new UprightError('BUNDLE_NO_RECIPIENT');
    for (const recipient of how.recipients) encrypter.addRecipient(recipient);
  }
  return encrypter.encrypt(plain);
}

const AGE_MAGIC = 'age-encryption.org/v1\n';

/** How an age file is locked, read from its header (which is plain text): to keys, or by a passphrase. */
export function lockKind(bytes: Uint8Array): 'keys' | 'passphrase' {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.byteLength, 8192))).toString('latin1');
  if (!head.startsWith(AGE_MAGIC)) throw new UprightError('BUNDLE_NOT_A_BUNDLE');
  return /\n-> scrypt /.test(head) ? 'passphrase' : 'keys';
}

export async function unlock(
  bytes: Uint8Array,
  key: { ageSecret: string } | { passphrase: string },
): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase);
  else decrypter.addIdentity(key.ageSecret);
  try {
    return await decrypter.decrypt(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/no identity matched/i.test(message)) {
      throw new UprightError('passphrase' in key ? 'BUNDLE_WRONG_PASSPHRASE' : 'BUNDLE_NOT_FOR_YOU');
    }
    throw new UprightError('BUNDLE_DAMAGED');
  }
}

// Who this installation is in the exchange between laptops (issue 17): a device id and an Ed25519
// key pair, and the devices it has paired with (their public keys). Kept in device.json in the
// user's data folder, beside profile.json and outside the register, so a register copied to
// another laptop gets that laptop's device on its first open there, never this one's.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeWhole } from '../profile-store';

export interface PairedDevice {
  device: string;
  publicKey: string;
  name: string | null;
  role: string | null;
  pairedAt: string;
}

export interface DeviceStore {
  /** This installation's device id (12 lower-case hex digits). */
  id(): string;
  /** Its public key: SPKI DER, base64. */
  publicKey(): string;
  /** An Ed25519 signature of `data` by this device, base64. */
  sign(data: Buffer): string;
  paired(): PairedDevice[];
  /** Remembers a device as paired (a second pairing of the same device replaces the first). */
  pair(device: PairedDevice): void;
}

export const DEVICE_FILE = 'device.json';

const stored = z.object({
  device: z.string().regex(/^[0-9a-f]{12}$/),
  publicKey: z.string(),
  privateKey: z.string(),
  paired: z.array(
    z.object({ device: z.string(), publicKey: z.string(), name: z.string().nullable(), role: z.string().nullable(), pairedAt: z.string() }),
  ),
});
type Stored = z.infer<typeof stored>;

function newIdentity(): Stored {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    device: crypto.randomBytes(6).toString('hex'),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    paired: [],
  };
}

function storeOver(load: () => Stored, save: (value: Stored) => void): DeviceStore {
  let cached: Stored | undefined;
  let key: crypto.KeyObject | undefined;
  const current = () => (cached ??= load());
  return {
    id: () => current().device,
    publicKey: () => current().publicKey,
    sign: (data) => {
      key ??= crypto.createPrivateKey({ key: Buffer.from(current().privateKey, 'base64'), format: 'der', type: 'pkcs8' });
      return crypto.sign(null, data, key).toString('base64');
    },
    paired: () => current().paired.map((p) => ({ ...p })),
    pair: (device) => {
      const next = { ...current(), paired: [...current().paired.filter((p) => p.device !== device.device), { ...device }] };
      save(next);
      cached = next;
    },
  };
}

/**
 * The device of the installation whose data folder is `dir`. Made on first use; a device.json that
 * is unreadable is kept aside (device.json.damaged-<time>) and a new device made, which the other
 * laptops then pair with again: a lost key cannot be recovered, and must not be guessed.
 */
export function fileDeviceStore(dir: string): DeviceStore {
  const file = path.join(dir, DEVICE_FILE);
  const save = (value: Stored) => writeWhole(dir, file, value);
  return storeOver(() => {
    let text: string | null = null;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      // No device yet.
    }
    if (text !== null) {
      try {
        return stored.parse(JSON.parse(text));
      } catch {
        fs.renameSync(file, `${file}.damaged-${Date.now()}`);
      }
    }
    const made = newIdentity();
    save(made);
    return made;
  }, save);
}

/** A device in memory only: for the tests and for scripts that name no user folder. */
export function memoryDeviceStore(): DeviceStore {
  return storeOver(newIdentity, () => undefined);
}

/** Whether `signature` is `publicKey`'s Ed25519 signature of `data`. */
export function verifySignature(publicKey: string, data: Buffer, signature: string): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return crypto.verify(null, data, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Crockford's base32: no I, L, O or U, so a code read aloud is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The short code two people compare, each reading it from their own screen, when they pair their
 * laptops: 16 characters (80 bits) of the public key's SHA-256, in four groups ("7KQ2-…").
 */
export function fingerprint(publicKey: string): string {
  const digest = crypto.createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += ALPHABET[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === 16) break;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** A typed code compared with a fingerprint: case, spaces and dashes do not count, nor O for 0 or I/L for 1. */
export const sameFingerprint = (typed: string, code: string): boolean => {
  const norm = (s: string) => s.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return norm(typed) === norm(code);
};

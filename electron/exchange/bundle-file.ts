// The .tbsync file: canonical JSON of {tbsync: 1, body, signature}, the body signed with the sending
// device's Ed25519 key; or, with a passphrase, {tbsync: 1, encrypted: …}: that same text sealed with
// AES-256-GCM under a key made from the passphrase by scrypt (the file travels by mail). Reading
// one checks, in this order: that it is whole JSON (a truncated file is not), that it opens with the
// passphrase, that it is a tbsync file of a format this version knows, and that its body is exactly
// what its signature signs. Who signed it (a paired device?) is the caller's question.
import crypto from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../shared/canonical-json';
import type { BundleBody } from '../../shared/exchange';
import { RegisterError } from '../../shared/errors';
import { isHlc } from '../../shared/hlc';
import { verifySignature, type DeviceStore } from './device-store';

/** scrypt's cost: 2^15 (OWASP's minimum for scrypt), about 50 ms and 32 MB. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;

const refuse = (message: string) => new RegisterError('invalid_input', message, 'file');

const scalar = z.union([z.string(), z.number(), z.null()]);
const values = z.record(z.string(), scalar);
const effect = z.discriminatedUnion('a', [
  z.object({ t: z.string(), u: z.string(), a: z.literal('i'), v: values }).strict(),
  z.object({ t: z.string(), u: z.string(), a: z.literal('u'), v: values, o: values }).strict(),
  z.object({ t: z.string(), u: z.string(), a: z.literal('d'), v: values }).strict(),
]);
const author = z.object({ name: z.string(), role: z.string() }).strict().nullable();
const hlc = z.string().refine(isHlc);
const change = z
  .object({ device: z.string(), seq: z.number().int().positive(), hlc, at: z.string(), call: z.string(), author, effects: z.array(effect) })
  .strict();
const conflict = z
  .object({
    id: z.string(),
    kind: z.enum(['field', 'deleted', 'refused', 'invariant']),
    table: z.string(),
    uid: z.string(),
    field: z.string().nullable(),
    versions: z.array(z.object({ hlc, device: z.string(), author, at: z.string(), value: z.unknown() }).strict()),
    reason: z.string().optional(),
    hlc,
    decided: z
      .object({ hlc, by: author, choice: z.enum(['mine', 'theirs', 'edited', 'later']), device: z.string() })
      .strict()
      .nullable(),
  })
  .strict();
const body = z
  .object({
    format: z.literal('tbsync'),
    version: z.literal(1),
    register: z.string(),
    numbering: z.string().nullable(),
    schema: z.number().int(),
    from: z.object({ device: z.string(), publicKey: z.string(), name: z.string().nullable(), role: z.string().nullable() }).strict(),
    createdAt: z.string(),
    hlc,
    seen: z.record(z.string(), z.number().int().nonnegative()),
    changes: z.array(change),
    conflicts: z.array(conflict),
    snapshot: z.string().optional(),
  })
  .strict();

export function encodeBundle(content: BundleBody, device: DeviceStore, passphrase?: string): Buffer {
  const signature = device.sign(Buffer.from(canonicalJson(content)));
  const signed = Buffer.from(canonicalJson({ tbsync: 1, body: content, signature }) + '\n');
  if (!passphrase) return signed;
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const key = crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { ...SCRYPT, maxmem: 64 * 1024 * 1024 });
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(signed), cipher.final()]);
  const sealed = { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  return Buffer.from(canonicalJson({ tbsync: 1, encrypted: sealed }) + '\n');
}

export interface DecodedBundle {
  body: BundleBody;
  encrypted: boolean;
}

function parse(bytes: Buffer): unknown {
  try {
    // A byte order mark (a mail program or Notepad may add one) is not part of the file.
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw refuse('The file is incomplete or damaged (it may have been cut off in transit); nothing was changed. Ask for the file again.');
  }
}

const sealedShape = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

export function decodeBundle(bytes: Buffer, passphrase?: string): DecodedBundle {
  let outer = parse(bytes) as Record<string, unknown> | null;
  if (typeof outer !== 'object' || outer === null || outer.tbsync === undefined) throw refuse('This is not a TB-register exchange file (.tbsync); nothing was changed.');
  if (outer.tbsync !== 1) throw refuse('This exchange file was made by a newer TB-register; update TB-register first. Nothing was changed.');
  let encrypted = false;
  if (outer.encrypted !== undefined) {
    encrypted = true;
    const sealed = sealedShape.safeParse(outer.encrypted);
    if (!sealed.success) throw refuse('The file is incomplete or damaged; nothing was changed. Ask for the file again.');
    if (!passphrase) throw new RegisterError('invalid_input', 'The file is locked with a passphrase: type the passphrase the sender chose.', 'passphrase');
    const { N, r, p, salt, iv, tag, data } = sealed.data;
    if (N > 2 ** 20 || r > 16 || p > 4) throw refuse('The file asks for more work to unlock than this version allows; nothing was changed.');
    try {
      const key = crypto.scryptSync(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), 32, { N, r, p, maxmem: 256 * 1024 * 1024 });
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      outer = parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()])) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof RegisterError) throw error;
      throw new RegisterError('invalid_input', 'The passphrase does not open this file (or the file was altered); nothing was changed.', 'passphrase');
    }
  }
  const parsed = z.object({ tbsync: z.literal(1), body: z.unknown(), signature: z.string() }).strict().safeParse(outer);
  if (!parsed.success) throw refuse('This is not a TB-register exchange file of a kind this version knows; nothing was changed.');
  const content = parsed.data.body as Record<string, unknown> | null;
  if (typeof content === 'object' && content !== null && content.version !== undefined && content.version !== 1) {
    throw refuse('This exchange file was made by a newer TB-register; update TB-register first. Nothing was changed.');
  }
  const shaped = body.safeParse(content);
  if (!shaped.success) throw refuse('This is not a TB-register exchange file of a kind this version knows; nothing was changed.');
  const signed = Buffer.from(canonicalJson(parsed.data.body));
  if (!verifySignature(shaped.data.from.publicKey, signed, parsed.data.signature)) {
    throw refuse('The file was altered after it was signed; nothing was changed. Ask for the file again.');
  }
  return { body: shaped.data as BundleBody, encrypted };
}

// `npm run cli -- exchange …`: the exchange between laptops from a terminal (issue 17).
//   exchange send     --db FILE --out BUNDLE [--to DEVICE] [--all] [--whole] [--passphrase-file F]
//   exchange receive  --db FILE --in BUNDLE [--preview] [--pair CODE] [--accept-future] [--passphrase-file F]
//   exchange replace  --db FILE --in BUNDLE [--pair CODE] [--passphrase-file F]   (a file made with --whole)
//   exchange status | conflicts | undo --db FILE
import fs from 'node:fs';
import path from 'node:path';
import type { ConflictView, ExchangePreview, ExchangeResult, ExchangeStatus } from '../../shared/exchange';
import { invariantText, whoText } from '../../shared/exchange-text';
import { createApi, handlerGroups } from '../api';
import { writeNewFile } from '../export/atomic-file';
import { tempNameFor } from '../leftovers';
import type { ProfileStore } from '../profile-store';
import type { RegisterHost } from '../register-host';
import { makeBundle } from './exchange';

export interface ExchangeArgs {
  action: string | undefined;
  out?: string;
  in?: string;
  to?: string;
  all: boolean;
  whole: boolean;
  preview: boolean;
  pair?: string;
  acceptFuture: boolean;
  passphraseFile?: string;
}

/** A passphrase from a file (its first line), so it is never in the shell's history. */
function passphraseFrom(file: string | undefined): string | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`There is no passphrase file at ${file}.`);
  }
  const passphrase = text.split(/\r?\n/)[0]!;
  // An empty or short passphrase would seal nothing worth the name (or, empty, not seal at all).
  if (passphrase.length < 8) throw new Error(`The passphrase in ${file} is shorter than 8 characters; nothing was written or read.`);
  return passphrase;
}

/** Runs one exchange command on the register `host` holds; returns the exit code. */
export async function exchangeCommand(host: RegisterHost, profile: ProfileStore, args: ExchangeArgs): Promise<number> {
  const api = createApi(host, handlerGroups(), profile);
  const passphrase = passphraseFrom(args.passphraseFile);
  const fail = (message: string) => {
    console.error(`TB-register: ${message}`);
    return 1;
  };
  switch (args.action) {
    case 'send': {
      if (!args.out) return fail('exchange send needs --out BUNDLE (the .tbsync file to write).');
      const target = path.resolve(args.out);
      if (fs.existsSync(target)) return fail(`${target} already exists; choose another name.`);
      const { body, bytes } = makeBundle(host.reg, profile, { to: args.to, all: args.all, passphrase, whole: args.whole });
      writeNewFile(tempNameFor(target), target, bytes);
      console.log(`Wrote ${target}: ${body.changes.length} changes${body.snapshot ? ' and the whole register' : ''}${passphrase ? ', locked with the passphrase' : ''}.`);
      return 0;
    }
    case 'receive': {
      if (!args.in) return fail('exchange receive needs --in BUNDLE (the .tbsync file to read).');
      const input = { file: path.resolve(args.in), passphrase, pairCode: args.pair, acceptFuture: args.acceptFuture };
      const preview = await api.invokeAsync('exchange.preview', input);
      if (!preview.ok) return fail(preview.error.message);
      const p = preview.value as ExchangePreview;
      console.log(`Van ${whoText(p.from.name, p.from.role, 'nl')}, apparaat ${p.from.device}, code ${p.from.fingerprint}${p.paired ? ' (gekoppeld)' : ' (nog niet gekoppeld)'}`);
      if (p.futureWarning) console.log(`Let op: dit bestand is gedateerd ${p.futureWarning}, meer dan een dag na de klok van deze computer.`);
      console.log(p.summary);
      if (args.preview) return 0;
      const result = await api.invokeAsync('exchange.receive', input);
      if (!result.ok) return fail(result.error.message);
      const r = result.value as ExchangeResult;
      console.log(r.summary);
      if (r.backup) console.log(`Backup before it: ${path.join(host.backupDir, r.backup)} (exchange undo takes it back).`);
      return 0;
    }
    case 'replace': {
      if (!args.in) return fail('exchange replace needs --in BUNDLE (a .tbsync file made with --whole).');
      const r = await api.invokeAsync('exchange.replace', { file: path.resolve(args.in), passphrase, pairCode: args.pair });
      if (!r.ok) return fail(r.error.message);
      console.log(`This register is now the one in ${path.resolve(args.in)}; the register it replaced is among the backups (backups, restore).`);
      return 0;
    }
    case 'status': {
      const s = (await api.invokeAsync('exchange.status', undefined)) as { ok: true; value: ExchangeStatus } | { ok: false; error: { message: string } };
      if (!s.ok) return fail(s.error.message);
      const v = s.value;
      console.log(`This device: ${v.device}, code ${v.fingerprint}${v.numbering ? ' (gives the numbers)' : ''}; open conflicts: ${v.openConflicts}`);
      for (const peer of v.peers) {
        console.log(`${peer.device}\t${whoText(peer.name, peer.role, 'nl')}\t${peer.paired ? `paired, code ${peer.fingerprint}` : 'not paired'}\tunsent ${peer.unsent}\treceived ${peer.receivedAt ?? '-'}\tsent ${peer.sentAt ?? '-'}`);
      }
      return 0;
    }
    case 'conflicts': {
      const c = await api.invokeAsync('exchange.conflicts', undefined);
      if (!c.ok) return fail(c.error.message);
      for (const conflict of c.value as ConflictView[]) {
        const versions =
          conflict.kind === 'invariant'
            ? invariantText(conflict.reason ?? '', 'nl')
            : conflict.kind === 'refused'
              ? (conflict.reason ?? '')
              : conflict.versions.map((v) => `${whoText(v.author?.name ?? null, v.author?.role ?? null, 'nl')}: ${JSON.stringify(v.value)}`).join(' | ');
        console.log(`${conflict.id}\t${conflict.subject}${conflict.field ? ` · ${conflict.field}` : ''}\t${conflict.kind}\t${versions}`);
      }
      return 0;
    }
    case 'undo': {
      const u = await api.invokeAsync('exchange.undo', undefined);
      if (!u.ok) return fail(u.error.message);
      console.log('The register is back as it was before the last file received; its changes come again with the next file from that laptop.');
      return 0;
    }
    default:
      return fail(`exchange needs one of: send, receive, replace, status, conflicts, undo.`);
  }
}

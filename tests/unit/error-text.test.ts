// The Dutch a secretary reads for the errors the register's safety checks give (issue 15): what
// a backup that cannot be restored is, a register in use, an export that cannot be written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../electron/api';
import { RegisterHost } from '../../electron/register-host';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { describeError } from '../../renderer/error-text';
import { SEED_FILE, seededRegister, tempDir } from '../support/register';

const dutch = (message: string, code: 'invalid_input' | 'conflict' | 'not_found' | 'internal' = 'invalid_input', field?: string) =>
  describeError('nl', field ? { code, message, field } : { code, message });

describe('errors in Dutch', () => {
  it('say what a backup that cannot be restored is', () => {
    const suffix = '; choose another backup. The register was left as it was.';
    expect(dutch(`register-2099-01-01T00-00-00.sqlite is an empty file, not a register${suffix}`, 'invalid_input', 'name')).toBe(
      'Niet opgeslagen: register-2099-01-01T00-00-00.sqlite is een leeg bestand, geen register; kies een andere reservekopie. Het register is niet gewijzigd.',
    );
    expect(dutch(`b.sqlite was written by a newer TB-register (schema version 10; this version knows up to 7)${suffix}`)).toContain(
      'b.sqlite is gemaakt door een nieuwere versie van TB-register (schemaversie 10; deze versie kent tot en met 7); kies een andere reservekopie.',
    );
    expect(dutch(`b.sqlite is not a whole TB-register (table dossier is missing)${suffix}`)).toContain('is geen volledig TB-register (table dossier is missing)');
    expect(dutch(`b.sqlite is a SQLite database of another program, not a TB-register${suffix}`)).toContain('van een ander programma, geen TB-register');
    expect(dutch('There is no backup that is a whole TB-register this version can open.', 'not_found', 'name')).toBe(
      'Niet gevonden: er is geen reservekopie die een volledig TB-register is dat deze versie kan openen',
    );
  });

  it('reach the secretary in Dutch from a real refused restore', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    createSeededRegister(file, readSeed(SEED_FILE));
    const host = RegisterHost.open(file);
    try {
      fs.mkdirSync(host.backupDir, { recursive: true });
      fs.writeFileSync(path.join(host.backupDir, 'register-2026-01-01T00-00-00.sqlite'), '');
      const result = await createApi(host).invokeAsync('backup.restore', { name: 'register-2026-01-01T00-00-00.sqlite' });
      expect(result.ok).toBe(false);
      expect(result.ok || describeError('nl', result.error)).toBe(
        'Niet opgeslagen: register-2026-01-01T00-00-00.sqlite is een leeg bestand, geen register; kies een andere reservekopie. Het register is niet gewijzigd.',
      );
    } finally {
      host.close();
    }
  });

  it('say that the register is in use, and what stands in an export’s way', () => {
    expect(dutch('The register at /x/register.sqlite is in use by another TB-register (the app, the browser shell or a command); close that first. Nothing was changed.', 'conflict')).toBe(
      'Kan niet: het register is in gebruik door een ander TB-register (de app, de browserversie of een opdracht); sluit dat eerst. Er is niets gewijzigd',
    );
    expect(dutch('/docs/bijlage-2-actiepunten.docx is a folder; an export cannot replace it. Move it, or pick another folder. Nothing was written.', 'conflict', 'outDir')).toBe(
      'Kan niet: /docs/bijlage-2-actiepunten.docx is een map; een export kan het niet vervangen. Verplaats het of kies een andere map. Er is niets geschreven',
    );
    expect(dutch('outDir: the folder no longer exists (moved or removed during the export); nothing was written.', 'not_found', 'outDir')).toBe(
      'Niet gevonden: de map bestaat niet meer (verplaatst of verwijderd tijdens de export); er is niets geschreven',
    );
  });

  it('leave English as the contract says it', () => {
    expect(describeError('en', { code: 'conflict', message: 'X is a folder; an export cannot replace it. Move it, or pick another folder. Nothing was written.' })).toBe(
      'Not possible: X is a folder; an export cannot replace it. Move it, or pick another folder. Nothing was written.',
    );
  });

  it('say in Dutch why a meeting step or edit is refused, from the real refusals', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    createSeededRegister(file, readSeed(SEED_FILE));
    const host = RegisterHost.open(file);
    try {
      const api = createApi(host);
      const refusal = (name: string, input: unknown) => {
        const result = api.invoke(name, input);
        if (result.ok) throw new Error(`${name} was accepted`);
        return describeError('nl', result.error);
      };
      const m = api.invoke('meeting.create', { date: '2024-02-14' });
      if (!m.ok) throw new Error('meeting.create failed');
      const number = (m.value as { number: string }).number;
      expect(refusal('meeting.setState', { number, state: 'afgerond' })).toBe('Kan niet: vergadering TB-2024-01 kan niet van "concept" naar "afgerond"');
      expect(refusal('meeting.setState', { number: 'TB-2024-09', state: 'afgerond' })).toBe('Niet gevonden: vergadering TB-2024-09 bestaat niet');
      expect(refusal('meeting.setState', { number: 'TB 9', state: 'afgerond' })).toBe('Niet opgeslagen: moet een vergadernummer zijn (TB-2024-01)');
      expect(refusal('meeting.create', { date: '2024-02-14', kind: 'borrel' })).toBe('Niet opgeslagen: moet een van deze zijn: regulier, evaluatiemoment');
      const item = (m.value as { items: Array<{ id: number }> }).items[0]!.id;
      expect(refusal('outcome.add', { item, kind: 'besluit', text: 'Vooruit besloten' })).toBe('Kan niet: vergadering TB-2024-01 is nog een concept; de uitkomsten kunnen nu niet worden gewijzigd');
      expect(refusal('meeting.update', { number, patch: { date: '2025-01-01' } })).toBe(
        'Niet opgeslagen: vergadering TB-2024-01 houdt haar nummer, en dat hoort bij 2024; plan een nieuwe vergadering voor een datum in een ander jaar',
      );
    } finally {
      host.close();
    }
  });

  it('says every schema error in Dutch, numbers as Dutch writes them, and refuses a rank out of range (issue 14)', () => {
    const r = seededRegister();
    const refusal = (input: unknown) => {
      const result = r.api.invoke('dossier.setPriority', input);
      expect(result.ok).toBe(false);
      return result.ok ? '' : describeError('nl', result.error);
    };
    expect(refusal({ number: 3, priority: true, rank: 0 })).toBe('Niet opgeslagen: Rang moet 1 of meer zijn');
    expect(refusal({ number: 3, priority: true, rank: 1.5 })).toBe('Niet opgeslagen: Rang moet een geheel getal zijn');
    expect(refusal({ number: 3, priority: true, rank: 100_000 })).toBe('Niet opgeslagen: Rang mag maximaal 99.999 zijn');
    // 99999 among the ranked dossiers was silently made the last rank; now it is refused.
    r.call('dossier.setPriority', { number: 4, priority: true, rank: 1 });
    r.call('dossier.setPriority', { number: 2, priority: true, rank: 2 });
    const before = r.call('dossier.get', { number: 3 });
    expect(refusal({ number: 3, priority: true, rank: 99_999 })).toBe(
      'Niet opgeslagen: kies een rang van 1 tot en met 3: 2 andere dossiers hebben een rang (99.999 zou een gat laten)',
    );
    expect(r.call('dossier.get', { number: 3 })).toEqual(before);
    const long = r.api.invoke('dossier.update', { number: 3, patch: { description: 'x'.repeat(20_001) } });
    expect(long.ok || describeError('nl', long.error)).toBe('Niet opgeslagen: Omschrijving mag maximaal 20.000 tekens lang zijn');
    // A link with a space is told so, not that it must begin with https:// (which it does).
    const spaced = r.api.invoke('dossier.update', { number: 3, patch: { link: 'https://wiki eherkenning' } });
    expect(spaced.ok || describeError('nl', spaced.error)).toBe('Niet opgeslagen: Wikipagina is geen geldige link: er staat een spatie in');
    // A date after today says which day today is.
    const later = r.api.invoke('actiepunt.setStatus', { number: 2, status: 'afgerond', date: '2026-12-24' });
    expect(later.ok || describeError('nl', later.error)).toBe('Niet opgeslagen: 24-12-2026 ligt na vandaag (30-11-2026); kies vandaag of een eerdere datum');
    // The message names its field, in English too (issue 14: "mag niet leeg zijn" said not which).
    const empty = r.api.invoke('dossier.update', { number: 3, patch: { title: '  ' } });
    expect(empty.ok || describeError('nl', empty.error)).toBe('Niet opgeslagen: Titel mag niet leeg zijn');
    expect(empty.ok || describeError('en', empty.error)).toMatch(/: Title must not be empty$/);
    // No message of the schemas reaches the user in zod's own English.
    for (const input of [{ number: 3, priority: 'ja' }, { number: 3 }, { number: 'drie', priority: true }, { number: 3, priority: true, extra: 1 }]) {
      const text = refusal(input);
      expect(text, JSON.stringify(input)).not.toMatch(/Invalid|expected|received|Too (small|big)|Unrecognized/);
    }
    r.close();
  });

  it('says which file or folder a refused export is about, and what to do (issue 14: "bestaat niet", "bestaat al; kies …")', () => {
    expect(dutch('outDir: the folder /media/usb/TB does not exist.', 'not_found', 'outDir')).toBe('Niet gevonden: de map /media/usb/TB bestaat niet; kies een map die er is');
    expect(dutch('/docs/bijlage-1-dossiers-met-prioriteit.docx already exists; choose to overwrite it, or pick another folder.', 'conflict', 'outDir')).toBe(
      'Kan niet: /docs/bijlage-1-dossiers-met-prioriteit.docx bestaat al; zet ‘Bestaande bestanden vervangen’ aan, of kies een andere map',
    );
  });
});

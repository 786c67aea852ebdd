// Who works on this computer: a profile file beside the user's data, and the author stamped on
// every change in the audit trail. On real files.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, handlerGroups } from '../../electron/api';
import { fileProfileStore } from '../../electron/profile-store';
import { openRegister } from '../../electron/register/db';
import { MIGRATIONS } from '../../electron/register/migrations';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { fixedClock } from '../../electron/register/clock';
import { dumpRegister, SEED_FILE, seededRegister, tempDir, TEST_NOW, testRegisterFor, type TestRegister } from '../support/register';

let r: TestRegister | undefined;
afterEach(() => r?.close());

function withProfileIn(dir: string): TestRegister {
  const t = seededRegister();
  return testRegisterFor(t.reg, createApi(t.reg, handlerGroups(), fileProfileStore(dir, 'mdevries')));
}

describe('the profile', () => {
  it('is not there until given; then it is kept in profile.json beside the user data, not in the register', () => {
    const home = tempDir();
    r = withProfileIn(home);
    expect(r.call('profile.get')).toEqual({ profile: null, suggestedName: 'mdevries' });
    const register = JSON.stringify(dumpRegister(r.reg));
    expect(r.call('profile.set', { name: '  Marieke de Vries ', role: 'secretaris' })).toEqual({ profile: { name: 'Marieke de Vries', role: 'secretaris' }, suggestedName: 'mdevries' });
    expect(JSON.parse(fs.readFileSync(path.join(home, 'profile.json'), 'utf8'))).toEqual({ name: 'Marieke de Vries', role: 'secretaris' });
    expect(JSON.stringify(dumpRegister(r.reg))).toBe(register);
    expect(r.call('register.undoState')).toEqual({ undo: null, redo: null });
    // Another start on this computer knows it.
    expect(fileProfileStore(home).state().profile).toEqual({ name: 'Marieke de Vries', role: 'secretaris' });
  });

  it('refuses an empty name or an unknown role, and keeps the profile as it was', () => {
    const home = tempDir();
    r = withProfileIn(home);
    r.call('profile.set', { name: 'Marieke de Vries', role: 'secretaris' });
    expect(r.api.invoke('profile.set', { name: '\u200B', role: 'secretaris' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(r.api.invoke('profile.set', { name: 'Jan', role: 'koning' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'role' } });
    expect(r.call('profile.get').profile).toEqual({ name: 'Marieke de Vries', role: 'secretaris' });
  });

  it('counts a damaged profile.json as no profile, so the app asks again', () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, 'profile.json'), '{"name": 12');
    expect(fileProfileStore(home, 'x').state()).toEqual({ profile: null, suggestedName: 'x' });
    fs.writeFileSync(path.join(home, 'profile.json'), JSON.stringify({ name: 'Jan', role: 'koning' }));
    expect(fileProfileStore(home, 'x').state().profile).toBeNull();
  });
});

describe('the author of a change', () => {
  it('is stamped on every change with the profile of that moment, and shown in the audit trail', () => {
    const home = tempDir();
    r = withProfileIn(home);
    r.call('dossier.update', { number: 4, patch: { owner: 'Logius' } });
    r.call('profile.set', { name: 'Marieke de Vries', role: 'secretaris' });
    r.call('dossier.update', { number: 4, patch: { owner: 'BZK' } });
    r.call('profile.set', { name: 'Kees Jansen', role: 'voorzitter' });
    r.call('dossier.setPriority', { number: 4, priority: true, rank: 1 });
    r.call('register.undo');
    const trail = r.call('dossier.audit', { number: 4 });
    expect(trail.map((e) => [e.call, e.author])).toEqual([
      ['register.undo', { name: 'Kees Jansen', role: 'voorzitter' }],
      ['dossier.setPriority', { name: 'Kees Jansen', role: 'voorzitter' }],
      ['dossier.update', { name: 'Marieke de Vries', role: 'secretaris' }],
      ['dossier.update', null],
    ]);
  });

  it('starts empty for the changes of a register from schema 6', () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const clock = fixedClock(TEST_NOW);
    createSeededRegister(file, readSeed(SEED_FILE), { clock, migrations: MIGRATIONS.slice(0, 6) });
    const v6 = openRegister(file, { clock, migrations: MIGRATIONS.slice(0, 6) });
    // Written as version 6 wrote it: a change without an author.
    v6.db.prepare(`INSERT INTO change (at, call, item) VALUES ('2026-11-01T09:00:00.000Z', 'dossier.update', 4)`).run();
    v6.close();
    const reg = openRegister(file, { clock });
    try {
      expect(reg.db.prepare('SELECT call, author, author_role FROM change').all()).toEqual([{ call: 'dossier.update', author: null, author_role: null }]);
    } finally {
      reg.close();
    }
  });
});

describe('the place in a meeting mode', () => {
  it('is kept beside the profile, whole, and read back after a restart; a damaged file is no place', () => {
    const dir = tempDir();
    const store = fileProfileStore(dir, 'sanne');
    expect(store.place()).toBeNull();
    store.setPlace({ meeting: 'TB-2026-01', item: 7 });
    expect(fileProfileStore(dir, 'sanne').place()).toEqual({ meeting: 'TB-2026-01', item: 7 });
    fs.writeFileSync(path.join(dir, 'meeting-place.json'), '{"meeting": "TB 1", "item": -3}');
    expect(fileProfileStore(dir, 'sanne').place()).toBeNull();
    store.setPlace(null);
    expect(fs.existsSync(path.join(dir, 'meeting-place.json'))).toBe(false);
    // Through the contract, with no register involved.
    const api = createApi(seededRegister().reg, handlerGroups(), store);
    expect(api.invoke('place.set', { place: { meeting: 'TB-2026-02', item: null } })).toMatchObject({ ok: true, value: { meeting: 'TB-2026-02', item: null } });
    expect(api.invoke('place.get', {})).toMatchObject({ ok: true, value: { meeting: 'TB-2026-02', item: null } });
    expect(api.invoke('place.set', { place: { meeting: 'TB-2026-02', item: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'place.item' } });
  });
});


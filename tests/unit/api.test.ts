// The handler table: one handler per contract name, refused duplicates, errors as envelopes.
import { afterEach, describe, expect, it } from 'vitest';
import { buildHandlerTable, createApi, handlerGroups, type HandlerGroup } from '../../electron/api';
import { CALL_NAMES } from '../../shared/contract';
import { emptyRegister, seededRegister, type TestRegister } from '../support/register';

const HANDLER_GROUPS = handlerGroups();

let r: TestRegister | undefined;
afterEach(() => r?.close());

describe('the handler table', () => {
  it('serves every contract name exactly once', () => {
    const table = buildHandlerTable(HANDLER_GROUPS);
    expect(Object.keys(table).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('refuses a name served twice at start-up', () => {
    const again: HandlerGroup = { 'dossier.get': HANDLER_GROUPS[1]!['dossier.get'] };
    expect(() => buildHandlerTable([...HANDLER_GROUPS, again])).toThrow("Duplicate handler for 'dossier.get'.");
  });

  it('refuses a contract name left without a handler, and a handler outside the contract', () => {
    const [first, ...rest] = HANDLER_GROUPS;
    const { 'register.info': _dropped, ...partial } = first!;
    expect(() => buildHandlerTable([partial, ...rest])).toThrow('No handler for: register.info.');
    const stray = { 'dossier.explode': () => null } as unknown as HandlerGroup;
    expect(() => buildHandlerTable([...HANDLER_GROUPS, stray])).toThrow("Handler 'dossier.explode' is not in the contract.");
  });

  it('turns an unexpected failure into an internal-error envelope instead of a rejection', () => {
    r = emptyRegister();
    const broken: HandlerGroup = {
      ...HANDLER_GROUPS[3],
      'meeting.list': () => {
        throw new Error('disk on fire');
      },
    };
    const api = createApi(r.reg, [...HANDLER_GROUPS.slice(0, 3), broken, ...HANDLER_GROUPS.slice(4)]);
    const silence = console.error;
    console.error = () => undefined;
    try {
      expect(api.invoke('meeting.list', {})).toEqual({ ok: false, error: { code: 'internal', message: 'Unexpected error: disk on fire' } });
    } finally {
      console.error = silence;
    }
  });

  it('answers a register without a jaarplan with a clear not-found error', () => {
    r = emptyRegister();
    expect(r.api.invoke('jaarplan.get', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'This register has no jaarplan yet.' } });
    expect(r.call('dossier.list', {})).toEqual([]);
  });
});

describe('what a call touched', () => {
  it('comes with every committed change, so a page reads only that again; reads and refusals carry none', () => {
    const t = seededRegister();
    try {
      t.call('dossier.setPriority', { number: 2, priority: true, rank: 1 });
      const ranked = t.api.invoke('dossier.setPriority', { number: 4, priority: true, rank: 1 });
      // Dossier 4 took rank 1 and pushed dossier 2 to rank 2: both are read again, nothing else.
      expect(ranked).toMatchObject({ ok: true, touched: { dossiers: [2, 4], actiepunten: [] } });
      const linked = t.api.invoke('actiepunt.linkDossier', { number: 3, dossier: 4 });
      expect(linked).toMatchObject({ ok: true, touched: { dossiers: [4], actiepunten: [3] } });
      expect(t.api.invoke('dossier.get', { number: 4 })).not.toHaveProperty('touched');
      expect(t.api.invoke('dossier.update', { number: 4, patch: { title: '' } })).not.toHaveProperty('touched');
      expect(t.api.invoke('dossier.list', { numbers: [4, 2] })).toMatchObject({ ok: true, value: [{ number: 2 }, { number: 4 }] });
      expect(t.api.invoke('actiepunt.list', { numbers: [3] })).toMatchObject({ ok: true, value: [{ number: 3, dossier: 4 }] });
    } finally {
      t.close();
    }
  });
});


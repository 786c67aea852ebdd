// The handler table: one handler per contract name, refused duplicates, errors as envelopes.
import { afterEach, describe, expect, it } from 'vitest';
import { buildHandlerTable, createApi, handlerGroups, type HandlerGroup } from '../../electron/api';
import { CALL_NAMES } from '../../shared/contract';
import { emptyRegister, type TestRegister } from '../support/register';

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

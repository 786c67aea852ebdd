// The dossier table's rows (renderer/views/dossier-rows.ts) on the 2024 register with ranks given:
// sorted on priority they are in rank order, grouping on or off (issue 14: groups broke the order).
import { expect, it } from 'vitest';
import { buildRows, sortDossiers, type FilterInput } from '../../renderer/views/dossier-rows';
import { seededRegister } from '../support/register';

it('sorts on priority in rank order with grouping on, and groups only in the register\'s own order', () => {
  const r = seededRegister();
  // Ranks that cross the hoofddossier group: 6 and 8 are in (Keten)Machtigingen, 4 and 2 are not.
  for (const [number, rank] of [[6, 1], [4, 2], [8, 3], [2, 4]] as const) r.call('dossier.setPriority', { number, priority: true, rank });
  const dossiers = r.call('dossier.list', {});
  const hoofddossiers = r.call('hoofddossier.list');
  r.close();
  const filters: Omit<FilterInput, 'sort'> = { search: '', phase: '', parked: '', priority: '', ambition: '', hoofddossier: '', grouped: true, collapsed: [], descending: false };
  const byPriority = buildRows(sortDossiers(dossiers, 'priority', false), hoofddossiers, { ...filters, sort: 'priority' });
  const numbers = byPriority.flatMap((row) => (row.kind === 'dossier' ? [row.dossier.number] : []));
  expect(numbers.slice(0, 4)).toEqual([6, 4, 8, 2]);
  expect(byPriority.some((row) => row.kind === 'group')).toBe(false);
  // By number, the group heads its members where the first of them stands.
  const byNumber = buildRows(sortDossiers(dossiers, 'number', false), hoofddossiers, { ...filters, sort: 'number' });
  expect(byNumber.findIndex((row) => row.kind === 'group')).toBe(5);
});

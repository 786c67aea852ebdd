// The whole register as one table: instant search, filters, sorting, folding hoofddossier groups.
// Only the rows in view are in the page (TanStack Virtual), so 10,000 dossiers scroll and filter
// as smoothly as 15.
import { ProvisionalMark, useProvisional } from '../exchange/provisional';
import { priorityMark } from '../../shared/text';
import { useFillHeight } from '../components/fill-height';
import { PhaseOptions } from '../components/options';
import { DateInput } from '../components/DateInput';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Heading, LinkButton, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextInput } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import { t, type Lang } from '../../shared/i18n';
import { formatPhase, PHASES } from '../../shared/phase';
import { FieldError, type FormError, NativeSelect, placed, PlacedField, placeError } from '../components/fields';
import { describeError } from '../error-text';
import { useDossierFilters, type SortKey } from '../stores/dossier-filters';
import { perform, registerToday, useRegister } from '../stores/register';
import { useUi } from '../stores/ui';
import { buildRows, filterDossiers, searchText, sortDossiers } from './dossier-rows';

const ROW_HEIGHT = 37;

export function DossierFiltersBar({ lang, shown, total }: { lang: Lang; shown: number; total: number }) {
  const f = useDossierFilters();
  const { ambitions, hoofddossiers } = useRegister();
  return (
    <div className="toolbar" role="search" aria-label={t(lang, 'search')}>
      <div className="field grow">
        <label htmlFor="dossier-search">{t(lang, 'search')}</label>
        <TextInput
          id="dossier-search"
          type="search"
          value={f.search}
          placeholder={t(lang, 'searchPlaceholder')}
          onChange={(e) => f.set({ search: e.target.value })}
        />
      </div>
      <FilterSelect id="filter-phase" label={t(lang, 'phase')} value={f.phase} onChange={(v) => f.set({ phase: v as typeof f.phase })}>
        <option value="">{t(lang, 'all')}</option>
        <PhaseOptions lang={lang} />
      </FilterSelect>
      <FilterSelect id="filter-parked" label={t(lang, 'parked')} value={f.parked} onChange={(v) => f.set({ parked: v as typeof f.parked })}>
        <option value="">{t(lang, 'all')}</option>
        <option value="yes">{t(lang, 'parked')}</option>
        <option value="no">{t(lang, 'notParked')}</option>
      </FilterSelect>
      <FilterSelect id="filter-priority" label={t(lang, 'priority')} value={f.priority} onChange={(v) => f.set({ priority: v as typeof f.priority })}>
        <option value="">{t(lang, 'all')}</option>
        <option value="yes">{t(lang, 'withPriority')}</option>
        <option value="no">{t(lang, 'withoutPriority')}</option>
      </FilterSelect>
      <FilterSelect id="filter-ambition" label={t(lang, 'ambition')} value={f.ambition} onChange={(v) => f.set({ ambition: v })}>
        <option value="">{t(lang, 'all')}</option>
        {ambitions.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="filter-hoofddossier" label={t(lang, 'hoofddossier')} value={f.hoofddossier} onChange={(v) => f.set({ hoofddossier: v })}>
        <option value="">{t(lang, 'all')}</option>
        {hoofddossiers.map((h) => (
          <option key={h.id} value={String(h.id)}>
            {h.title}
          </option>
        ))}
      </FilterSelect>
      <Button appearance="secondary-action-button" onClick={f.clear}>
        {t(lang, 'clearFilters')}
      </Button>
      <p className="count" aria-live="polite" data-testid="dossier-count">
        {t(lang, 'showing', { shown, total })}
      </p>
    </div>
  );
}

function FilterSelect(props: { id: string; label: string; value: string; onChange(v: string): void; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <NativeSelect id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
      </NativeSelect>
    </div>
  );
}

/** The filtered, sorted dossiers, shared by the table and the board. */
export function useFilteredDossiers() {
  const { dossiers } = useRegister();
  const f = useDossierFilters();
  // Filtered in the same render as the keystroke (issue 12: one frame at 10,000 dossiers): the
  // search text is folded once per dossier, so a keystroke is a scan of short strings.
  const search = f.search;
  const sorted = useMemo(() => sortDossiers(dossiers, f.sort, f.descending), [dossiers, f.sort, f.descending]);
  const index = useMemo(() => sorted.map(searchText), [sorted]);
  const filters = { ...f, search };
  const filtered = useMemo(
    () => filterDossiers(sorted, index, filters),
    // Only the filter fields matter here, not the store object itself.
    [sorted, index, search, f.phase, f.parked, f.priority, f.ambition, f.hoofddossier],
  );
  return { filtered, filters, total: dossiers.length };
}

export function DossiersView() {
  const lang = useUi((s) => s.lang);
  const provisional = useProvisional();
  const openDossier = useUi((s) => s.openDossier);
  const { jaarplan, hoofddossiers, ambitions } = useRegister();
  const f = useDossierFilters();
  const { filtered, filters, total } = useFilteredDossiers();
  const rows = useMemo(() => buildRows(filtered, hoofddossiers, filters), [filtered, hoofddossiers, filters.grouped, filters.collapsed, filters.sort]);
  const scroller = useRef<HTMLDivElement>(null);
  useFillHeight(scroller, filtered.length > 0);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const [creating, setCreating] = useState(false);

  const reference = jaarplan ? formatDutchDate(jaarplan.referenceDate) : '-';
  const columns: Array<[SortKey | null, string, string]> = [
    ['number', t(lang, 'number'), 'num'],
    ['title', t(lang, 'dossier'), 'title'],
    // Number, title, phase and priority first: with a panel open at 1366 they stay in view (issue 14).
    ['phase', t(lang, 'phaseNow'), ''],
    ['priority', t(lang, 'priority'), ''],
    ['phaseOnReference', t(lang, 'phaseOn', { date: reference }), ''],
    [null, t(lang, 'ambitions'), ''],
    ['owner', t(lang, 'owner'), ''],
  ];
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const ambitionName = useMemo(() => new Map(ambitions.map((a) => [a.code, a.name])), [ambitions]);

  return (
    <section aria-labelledby="dossiers-heading" className="view">
      <div className="view-head">
        <Heading level={2} id="dossiers-heading">{t(lang, 'dossiers')}</Heading>
        <label className="inline">
          <Checkbox
            checked={f.grouped}
            onChange={(e) => f.set({ grouped: e.target.checked })}
            aria-describedby={f.grouped && f.sort !== 'number' ? 'grouping-note' : undefined}
          />{' '}
          {t(lang, 'groupByHoofddossier')}
          {f.grouped && f.sort !== 'number' && (
            <span id="grouping-note" className="muted">
              {' '}
              {t(lang, 'groupingOnlyByNumber')}
            </span>
          )}
        </label>
        <Button appearance="primary-action-button" onClick={() => setCreating(true)}>
          {t(lang, 'newDossier')}
        </Button>
      </div>
      {creating && <NewDossierForm lang={lang} onDone={(n) => (setCreating(false), n && openDossier(n))} />}
      <DossierFiltersBar lang={lang} shown={filtered.length} total={total} />
      {filtered.length === 0 && (
        <p className="empty-state" data-testid="dossiers-empty">
          {total === 0 ? t(lang, 'noDossiers') : t(lang, 'noDossiersMatch')}
        </p>
      )}
      <div className="table-scroller" ref={scroller} data-testid="dossier-scroller" hidden={filtered.length === 0}>
        {/* data-search: the search these rows answer (it trails the field while typing). */}
        <Table className="register-table" data-testid="dossier-table" data-search={filters.search} aria-rowcount={rows.length + 1}>
          <TableHeader>
            <TableRow aria-rowindex={1}>
              {columns.map(([key, label, cls]) => (
                <TableHeaderCell
                  key={label}
                  scope="col"
                  className={cls}
                  aria-sort={key && f.sort === key ? (f.descending ? 'descending' : 'ascending') : undefined}
                >
                  {key ? (
                    <button type="button" className="sort" onClick={() => f.sortBy(key)} title={t(lang, 'sortBy', { column: label })}>
                      {label}
                    </button>
                  ) : (
                    label
                  )}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {top > 0 && <TableRow aria-hidden="true" style={{ height: top }} className="spacer" />}
            {items.map((item) => {
              const row = rows[item.index]!;
              if (row.kind === 'group') {
                return (
                  <TableRow key={`g${row.id}`} className="group-row" aria-rowindex={item.index + 2} data-index={item.index} ref={virtual.measureElement}>
                    <TableHeaderCell scope="rowgroup" colSpan={columns.length}>
                      <button type="button" className="fold" aria-expanded={!row.collapsed} onClick={() => f.toggleGroup(row.id)}>
                        <span aria-hidden="true">{row.collapsed ? '▸' : '▾'}</span> {t(lang, 'hoofddossier')} {row.title}{' '}
                        <span className="count">({row.count})</span>
                      </button>
                    </TableHeaderCell>
                  </TableRow>
                );
              }
              const d = row.dossier;
              return (
                <TableRow
                  key={d.number}
                  data-number={d.number}
                  data-index={item.index}
                  ref={virtual.measureElement}
                  aria-rowindex={item.index + 2}
                  className={[d.priority ? 'priority' : '', row.grouped ? 'grouped' : ''].join(' ')}
                >
                  <TableCell className="num">
                    {d.number}
                    <ProvisionalMark lang={lang} by={provisional.dossiers.get(d.number)} />
                  </TableCell>
                  <TableHeaderCell scope="row" className="title">
                    <LinkButton inline onClick={() => openDossier(d.number)}>
                      {d.title}
                    </LinkButton>
                  </TableHeaderCell>
                  <TableCell>{formatPhase(d.phase, lang)}</TableCell>
                  <TableCell>
                    {priorityMark(d)}
                    {d.priority && <span className="visually-hidden">{t(lang, 'priority')}</span>}
                  </TableCell>
                  <TableCell>{formatPhase(d.phaseOnReference, lang)}</TableCell>
                  <TableCell className="ambitions">{d.ambitions.map((c) => ambitionName.get(c) ?? c).join(', ')}</TableCell>
                  <TableCell>{d.owner ?? ''}</TableCell>
                </TableRow>
              );
            })}
            {bottom > 0 && <TableRow aria-hidden="true" style={{ height: bottom }} className="spacer" />}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

function NewDossierForm({ lang, onDone }: { lang: Lang; onDone(number: number | null): void }) {
  const [title, setTitle] = useState('');
  const [phase, setPhase] = useState<(typeof PHASES)[number]>('nieuw');
  const [date, setDate] = useState(registerToday());
  // A refusal sits beside the field it is about (a wrong date outlined the title, issue 14) and
  // goes as soon as that field is changed.
  const [error, setError] = useState<FormError | null>(null);
  const place = placeError(error, ['title', 'phase', 'phaseDate']);
  const edited = (field: string) => {
    if (place.invalid(field) || place.rest) setError(null);
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const before = new Set(useRegister.getState().dossiers.map((d) => d.number));
    const result = await perform('dossier.create', { title, phase: { phase }, phaseDate: date });
    if (!result.ok) return setError({ field: result.error.field, text: describeError(lang, result.error) });
    setError(null);
    onDone(useRegister.getState().dossiers.find((d) => !before.has(d.number))?.number ?? null);
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t(lang, 'newDossier')}>
      <PlacedField id="new-dossier-title" label={t(lang, 'title')} error={place.at('title')} grow>
        <TextInput {...placed(place, 'title', 'new-dossier-title')} value={title} autoFocus onChange={(e) => (setTitle(e.target.value), edited('title'))} />
      </PlacedField>
      <PlacedField id="new-dossier-phase" label={t(lang, 'phase')} error={place.at('phase')}>
        <NativeSelect {...placed(place, 'phase', 'new-dossier-phase')} value={phase} onChange={(e) => (setPhase(e.target.value as typeof phase), edited('phase'))}>
          <PhaseOptions lang={lang} />
        </NativeSelect>
      </PlacedField>
      <PlacedField id="new-dossier-date" label={t(lang, 'effectiveDate')} error={place.at('phaseDate')}>
        <DateInput
          id="new-dossier-date"
          value={date}
          onChange={(d) => (setDate(d), edited('phaseDate'))}
          invalid={place.invalid('phaseDate')}
          describedBy={placed(place, 'phaseDate', 'new-dossier-date')['aria-describedby']}
        />
      </PlacedField>
      <Button appearance="primary-action-button" type="submit">
        {t(lang, 'create')}
      </Button>
      <Button appearance="secondary-action-button" onClick={() => onDone(null)}>
        {t(lang, 'cancel')}
      </Button>
      <FieldError id="new-dossier-error" error={place.rest} />
    </form>
  );
}

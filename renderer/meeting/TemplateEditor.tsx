// The register's agenda template: the standing items every new meeting's agenda starts from.
// Edited as a list and saved whole; meetings that exist keep their agendas.
import { useEffect, useId, useState } from 'react';
import { Button, Checkbox, Heading, TextInput } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import { AGENDA_PURPOSES, type AgendaPurpose, type AgendaTemplateItem } from '../../shared/meeting';
import { invoke } from '../client';
import { FieldError, NativeSelect } from '../components/fields';
import { describeError } from '../error-text';
import { perform, useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

/** A row as typed: minutes stay text until saved, so a typo reaches the register's check. */
type Row = Omit<AgendaTemplateItem, 'minutes'> & { minutes: string };
const toRow = (i: AgendaTemplateItem): Row => ({ ...i, minutes: i.minutes === null ? '' : String(i.minutes) });

export function TemplateEditor() {
  const lang = useUi((s) => s.lang);
  const version = useRegister((s) => s.version);
  const id = useId();
  const [stored, setStored] = useState<Row[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<{ field?: string; row?: number; text: string } | null>(null);
  // The register is read again after every call; what the user typed stays unless the template
  // itself changed (a refused save changes nothing, so the typing is kept to correct).
  useEffect(() => {
    void invoke('agendaTemplate.get').then((r) => {
      if (!r.ok) return;
      const next = r.value.items.map(toRow);
      setStored((old) => {
        if (JSON.stringify(old) === JSON.stringify(next)) return old;
        setRows(next);
        return next;
      });
    });
  }, [version]);
  const dirty = JSON.stringify(rows) !== JSON.stringify(stored);
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(i + by, 0, row!);
    setRows(next);
  };
  async function saveAll() {
    const items = rows.map((r) => ({
      title: r.title,
      purpose: r.purpose,
      presenter: r.presenter?.trim() || null,
      minutes: r.minutes.trim() === '' ? null : /^\d+$/.test(r.minutes.trim()) ? Number(r.minutes) : (r.minutes as unknown as number),
      standing: r.standing,
      evaluationOnly: r.evaluationOnly,
      links: r.links,
    }));
    const result = await perform('agendaTemplate.update', { items });
    if (result.ok) {
      setError(null);
      return useUi.getState().announce(t(lang, 'templateSaved'));
    }
    // Which item the error is about, as the list numbers it.
    const row = /^items\.(\d+)\./.exec(result.error.field ?? '');
    setError({ field: result.error.field, row: row ? Number(row[1]) : undefined, text: `${row ? `${t(lang, 'agendaItem')} ${Number(row[1]) + 1}: ` : ''}${describeError(lang, result.error)}` });
  }
  // A refusal about an item sits in that item's row, tied to the field it names (it sat under the list).
  const invalid = (i: number, field: string) => (error?.field === `items.${i}.${field}` ? true : undefined);
  const describedBy = (i: number, field: string) => (invalid(i, field) ? `${id}-${i}-error` : undefined);
  return (
    <section aria-labelledby={`${id}-h`} data-testid="agenda-template">
      <Heading level={3} id={`${id}-h`}>{t(lang, 'agendaTemplate')}</Heading>
      <p className="muted">{t(lang, 'agendaTemplateIntro')}</p>
      <ol className="template-list">
        {rows.map((r, i) => (
          <li key={i}>
            <fieldset className="attendee">
              <legend className="visually-hidden">
                {t(lang, 'agendaItem')} {i + 1}
              </legend>
              <div className="field grow">
                <label htmlFor={`${id}-${i}-title`}>{t(lang, 'title')}</label>
                <TextInput id={`${id}-${i}-title`} value={r.title} onChange={(e) => set(i, { title: e.target.value })} invalid={invalid(i, 'title')} aria-describedby={describedBy(i, 'title')} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-${i}-purpose`}>{t(lang, 'purpose')}</label>
                <NativeSelect id={`${id}-${i}-purpose`} value={r.purpose} onChange={(e) => set(i, { purpose: e.target.value as AgendaPurpose })}>
                  {AGENDA_PURPOSES.map((p) => (
                    <option key={p} value={p}>
                      {t(lang, `purpose_${p}`)}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <div className="field">
                <label htmlFor={`${id}-${i}-presenter`}>{t(lang, 'presenter')}</label>
                <TextInput id={`${id}-${i}-presenter`} size={14} value={r.presenter ?? ''} onChange={(e) => set(i, { presenter: e.target.value })} invalid={invalid(i, 'presenter')} aria-describedby={describedBy(i, 'presenter')} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-${i}-minutes`}>{t(lang, 'minutes')}</label>
                <TextInput id={`${id}-${i}-minutes`} size={4} inputMode="numeric" value={r.minutes} onChange={(e) => set(i, { minutes: e.target.value })} invalid={invalid(i, 'minutes')} aria-describedby={describedBy(i, 'minutes')} />
              </div>
              <label className="inline">
                <Checkbox checked={r.evaluationOnly} onChange={(e) => set(i, { evaluationOnly: e.target.checked })} /> {t(lang, 'evaluationOnly')}
              </label>
              <span className="item-actions">
                <Button appearance="secondary-action-button" className="small" disabled={i === 0} aria-label={`${t(lang, 'itemUp')}: ${r.title}`} onClick={() => move(i, -1)}>
                  ↑
                </Button>
                <Button appearance="secondary-action-button" className="small" disabled={i === rows.length - 1} aria-label={`${t(lang, 'itemDown')}: ${r.title}`} onClick={() => move(i, 1)}>
                  ↓
                </Button>
                <Button appearance="subtle-button" className="small" aria-label={t(lang, 'removeItem', { number: i + 1 })} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  ✕
                </Button>
              </span>
              <FieldError id={`${id}-${i}-error`} error={error?.row === i ? error.text : null} />
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="item-actions">
        <Button
          appearance="secondary-action-button"
          className="small"
          onClick={() => {
            setRows([...rows, { title: '', purpose: 'bespreking', presenter: null, minutes: '', standing: null, evaluationOnly: false, links: { dossiers: [], actiepunten: [], ambitions: [] } }]);
            // The keyboard goes to the new item's title, where the typing starts (it stayed on the button).
            requestAnimationFrame(() => document.getElementById(`${id}-${rows.length}-title`)?.focus());
          }}
        >
          {t(lang, 'addAgendaItem')}
        </Button>
        <Button appearance="primary-action-button" className="small" aria-disabled={!dirty || undefined} onClick={() => dirty && void saveAll()}>
          {t(lang, 'saveTemplate')}
        </Button>
        <Button appearance="secondary-action-button" className="small" aria-disabled={!dirty || undefined} onClick={() => (setRows(stored), setError(null))}>
          {t(lang, 'cancel')}
        </Button>
      </div>
      <FieldError id={`${id}-error`} error={error && error.row === undefined ? error.text : null} />
    </section>
  );
}

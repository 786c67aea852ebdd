// An agenda item's fields, each saved on leaving it: title, purpose, presenter, minutes, the
// besluitvoorstel, and what it is about.
import { t } from '../../shared/i18n';
import { AGENDA_PURPOSES, type AgendaItem } from '../../shared/meeting';
import { save, Select, TextField } from '../components/fields';
import { useUi } from '../stores/ui';
import { LinkPicker } from './LinkPicker';
import { useState } from 'react';
import { FieldError } from '../components/fields';

export function ItemEditor({ item }: { item: AgendaItem }) {
  const lang = useUi((s) => s.lang);
  const [linkError, setLinkError] = useState<string | null>(null);
  const update = (patch: Record<string, unknown>) => save('agenda.update', { id: item.id, patch });
  return (
    <div className="subform item-editor" data-testid={`item-editor-${item.number}`}>
      <TextField label={t(lang, 'title')} value={item.title} onSave={(title) => update({ title })} />
      <Select label={t(lang, 'purpose')} value={item.purpose} onChange={(purpose) => void update({ purpose })}>
        {AGENDA_PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t(lang, `purpose_${p}`)}
          </option>
        ))}
      </Select>
      <TextField label={t(lang, 'presenter')} value={item.presenter} onSave={(v) => update({ presenter: v.trim() || null })} />
      <TextField
        label={t(lang, 'minutes')}
        value={item.minutes === null ? null : String(item.minutes)}
        onSave={(v) => update({ minutes: v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v) : v })}
      />
      <TextField label={t(lang, 'proposal')} value={item.proposal} multiline rows={2} onSave={(v) => update({ proposal: v || null })} />
      <LinkPicker links={item.links} onChange={(links) => void update({ links }).then(setLinkError)} />
      <FieldError id={`item-${item.id}-links-error`} error={linkError} />
    </div>
  );
}

// The meeting mode's quick forms (B, A, N): one line (or two) typed, Enter records it as one call,
// Esc goes back. An actiepunt's deadline is typed as the chair says it (deadline.ts).
import { useRef, useState } from 'react';
import { TextInput, Textarea } from '@rijkshuisstijl-community/components-react';
import type { CallError } from '../../shared/errors';
import { t } from '../../shared/i18n';
import type { AgendaItem, Meeting } from '../../shared/meeting';
import { parseOwners } from '../../shared/owners';
import { FieldError, placeError, type FormError } from '../components/fields';
import { describeError } from '../error-text';
import { perform } from '../stores/register';
import { useUi } from '../stores/ui';
import { deadlineProblem, parseDeadline } from './deadline';

/** B, A or N: one line (or two) typed, Enter records it as one call, Esc goes back. */
export function QuickForm({
  kind,
  meeting,
  item,
  dossier,
  owners,
  onRecord,
  onClose,
}: {
  kind: 'besluit' | 'actiepunt' | 'notitie';
  meeting: Meeting;
  item: AgendaItem;
  dossier: number | null;
  owners: string[];
  onRecord(run: () => ReturnType<typeof perform>, done: string, refused: (error: CallError) => void): Promise<boolean>;
  onClose(): void;
}) {
  const lang = useUi((s) => s.lang);
  const [text, setText] = useState(kind === 'besluit' ? (item.proposal ?? '') : '');
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState('');
  // A refusal sits by the field it names (an empty actiepunt was said in the top bar, review) and
  // goes once that field is typed in.
  const [error, setError] = useState<FormError | null>(null);
  const place = placeError(error, ['text', 'owners', 'deadline']);
  const typed = (field: string) => place.invalid(field) && setError(null);
  const busy = useRef(false);
  async function submit() {
    if (busy.current) return;
    let run: () => ReturnType<typeof perform>;
    if (kind === 'actiepunt') {
      const due = parseDeadline(deadline, meeting.date);
      if (due === 'invalid' || due === 'no-such-date') return setError({ field: 'deadline', text: deadlineProblem(lang, due, deadline) });
      run = () => perform('outcome.add', { item: item.id, kind, text, owners: parseOwners(owner), deadline: due, dossier });
    } else run = () => perform('outcome.add', { item: item.id, kind, text, dossier });
    busy.current = true;
    const ok = await onRecord(run, `${t(lang, `outcome_${kind}`)}: ${t(lang, 'agendaItem')} ${item.number}`, (e) => setError({ field: e.field, text: describeError(lang, e) }));
    busy.current = false;
    if (ok) onClose();
  }
  const enter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  };
  return (
    <div className="mode-form" data-testid={`mode-form-${kind}`}>
      <label htmlFor="mode-form-text">
        {t(lang, `outcome_${kind}`)}
        {dossier !== null && kind !== 'actiepunt' ? ` · ${t(lang, 'linkedDossier', { number: dossier })}` : ''}
      </label>
      <Textarea id="mode-form-text" autoFocus rows={2} value={text} onChange={(e) => (setText(e.target.value), typed('text'))} onKeyDown={enter} invalid={place.invalid('text')} aria-describedby={place.at('text') ? 'mode-form-text-error' : undefined} />
      <FieldError id="mode-form-text-error" error={place.at('text')} />
      {kind === 'actiepunt' && (
        <div className="mode-form-row">
          <label htmlFor="mode-form-owner">{t(lang, 'owner')}</label>
          <TextInput id="mode-form-owner" list="mode-owners" value={owner} onChange={(e) => (setOwner(e.target.value), typed('owners'))} onKeyDown={enter} invalid={place.invalid('owners')} aria-describedby={place.at('owners') ? 'mode-form-error' : undefined} />
          <datalist id="mode-owners">
            {owners.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
          <label htmlFor="mode-form-deadline">{t(lang, 'deadline')}</label>
          <TextInput id="mode-form-deadline" value={deadline} placeholder={t(lang, 'deadlinePlaceholder')} onChange={(e) => (setDeadline(e.target.value), typed('deadline'))} onKeyDown={enter} invalid={place.invalid('deadline')} aria-describedby={place.at('deadline') ? 'mode-form-error mode-deadline-help' : 'mode-deadline-help'} />
          <span id="mode-deadline-help" className="field-help">
            {t(lang, 'deadlineHelp')}
          </span>
        </div>
      )}
      {/* Owners, deadline and anything not about the text: under the form's last line. */}
      <FieldError id="mode-form-error" error={place.at('deadline') ?? place.at('owners') ?? place.rest} />
    </div>
  );
}

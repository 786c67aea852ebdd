// The meeting mode's quick forms (B, A, N): one line (or two) typed, Enter records it as one call,
// Esc goes back. An actiepunt's deadline is typed as the chair says it (deadline.ts).
import { useRef, useState } from 'react';
import { FormFieldErrorMessage, TextInput, Textarea } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import type { AgendaItem, Meeting } from '../../shared/meeting';
import { parseOwners } from '../../shared/owners';
import { perform } from '../stores/register';
import { useUi } from '../stores/ui';
import { parseDeadline } from './deadline';

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
  onRecord(run: () => ReturnType<typeof perform>, done: string): Promise<boolean>;
  onClose(): void;
}) {
  const lang = useUi((s) => s.lang);
  const [text, setText] = useState(kind === 'besluit' ? (item.proposal ?? '') : '');
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  async function submit() {
    if (busy.current) return;
    let run: () => ReturnType<typeof perform>;
    if (kind === 'actiepunt') {
      const due = parseDeadline(deadline, meeting.date);
      if (due === 'invalid' || due === 'no-such-date') return setError(t(lang, due === 'invalid' ? 'deadlineInvalid' : 'deadlineNoSuchDate', { text: deadline.trim() }));
      run = () => perform('outcome.add', { item: item.id, kind, text, owners: parseOwners(owner), deadline: due, dossier });
    } else run = () => perform('outcome.add', { item: item.id, kind, text, dossier });
    busy.current = true;
    const ok = await onRecord(run, `${t(lang, `outcome_${kind}`)}: ${t(lang, 'agendaItem')} ${item.number}`);
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
      <Textarea id="mode-form-text" autoFocus rows={2} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={enter} aria-describedby={error ? 'mode-form-error' : undefined} />
      {kind === 'actiepunt' && (
        <div className="mode-form-row">
          <label htmlFor="mode-form-owner">{t(lang, 'owner')}</label>
          <TextInput id="mode-form-owner" list="mode-owners" value={owner} onChange={(e) => setOwner(e.target.value)} onKeyDown={enter} />
          <datalist id="mode-owners">
            {owners.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
          <label htmlFor="mode-form-deadline">{t(lang, 'deadline')}</label>
          <TextInput id="mode-form-deadline" value={deadline} placeholder={t(lang, 'deadlinePlaceholder')} onChange={(e) => setDeadline(e.target.value)} onKeyDown={enter} invalid={error ? true : undefined} aria-describedby={error ? 'mode-form-error' : 'mode-deadline-help'} />
          <span id="mode-deadline-help" className="field-help">
            {t(lang, 'deadlineHelp')}
          </span>
        </div>
      )}
      {error && (
        <FormFieldErrorMessage id="mode-form-error" className="field-error" role="alert">
          {error}
        </FormFieldErrorMessage>
      )}
    </div>
  );
}

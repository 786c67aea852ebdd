// Te beoordelen (issue 17): what two laptops changed differently, with who, when and which
// meeting, and the choice: Mijn versie / Versie van … / Bewerken / Later. A decision is written as
// an edit of its own and travels with the next file.
import { useEffect, useState } from 'react';
import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import type { ConflictView } from '../../shared/exchange';
import { invariantText, whoText } from '../../shared/exchange-text';
import { t, type Lang } from '../../shared/i18n';
import { shortLine } from '../../shared/text';
import { invoke } from '../client';
import { describeError, fieldLabel } from '../error-text';
import { FieldError } from '../components/fields';
import { localTimestamp } from '../meeting/describe';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

type Version = ConflictView['versions'][number];

/** A version's value as a person reads it: the text, "verwijderd", or what a kept row says. */
function valueText(lang: Lang, conflict: ConflictView, value: unknown): string {
  if (conflict.kind === 'deleted') {
    if (value === null) return t(lang, 'exchangeDeleted');
    const row = value as Record<string, unknown>;
    const words = row.title ?? row.text ?? row.name ?? null;
    return words ? `${t(lang, 'exchangeKept')}: ${shortLine(String(words), 120)}` : t(lang, 'exchangeKept');
  }
  if (value === null || value === undefined || value === '') return '–';
  return String(value);
}

export function ConflictList({ onDecided }: { onDecided: () => void }) {
  const lang = useUi((s) => s.lang);
  const version = useRegister((s) => s.version);
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void invoke('exchange.conflicts').then((r) => r.ok && setConflicts(r.value));
  }, [version]);

  async function decide(conflict: ConflictView, choice: { choice: 'version'; hlc: string } | { choice: 'edited' | 'later' }) {
    setBusy(true);
    const r = await invoke('exchange.decide', { id: conflict.id, ...choice });
    setBusy(false);
    if (!r.ok) return setError(describeError(lang, r.error));
    setError(null);
    await useRegister.getState().load();
    onDecided();
    // The decided conflict leaves the list with the button pressed: the keyboard goes to the list's heading.
    if (choice.choice !== 'edited' || !conflict.target) document.getElementById('exchange-review-heading')?.focus();
    if (choice.choice === 'edited' && conflict.target) {
      const ui = useUi.getState();
      if (conflict.target.dossier !== undefined) (ui.show('dossiers'), ui.openDossier(conflict.target.dossier));
      else if (conflict.target.actiepunt !== undefined) (ui.show('actiepunten'), ui.openActiepunt(conflict.target.actiepunt));
      else if (conflict.target.meeting !== undefined) ui.openMeeting(conflict.target.meeting);
    }
  }
  const label = (c: ConflictView, v: Version) => (c.mine === v.hlc ? t(lang, 'exchangeMine') : t(lang, 'exchangeTheirs', { who: whoText(v.author?.name ?? null, v.author?.role ?? null, lang) }));

  return (
    <section aria-labelledby="exchange-review-heading" data-testid="exchange-review">
      <Heading level={4} id="exchange-review-heading" tabIndex={-1}>
        {t(lang, 'exchangeReview')} ({conflicts.length})
      </Heading>
      {conflicts.length === 0 ? (
        <p className="muted">{t(lang, 'exchangeReviewNone')}</p>
      ) : (
        <>
          <p className="muted">{t(lang, 'exchangeReviewHelp')}</p>
          <FieldError id="exchange-review-error" error={error} />
          <ul className="conflicts">
            {conflicts.map((c) => {
              const headingId = `conflict-${c.id}`;
              return (
                <li key={c.id} className="conflict" aria-labelledby={headingId} data-testid="conflict">
                  <p id={headingId} className="conflict-subject">
                    <strong>{c.subject}</strong>
                    {c.field && ` · ${fieldLabel(lang, c.field)}`}
                    {c.decided?.choice === 'later' && <span className="muted"> · {t(lang, 'exchangeLater')}</span>}
                  </p>
                  {c.kind === 'invariant' ? (
                    <p>{invariantText(c.reason ?? '', lang)}</p>
                  ) : c.kind === 'refused' ? (
                    <p>{t(lang, 'exchangeRefused', { reason: c.reason ?? '' })}</p>
                  ) : (
                    <dl className="conflict-versions">
                      {c.versions.map((v) => (
                        <div key={v.hlc}>
                          <dt>{t(lang, 'exchangeVersionBy', { who: whoText(v.author?.name ?? null, v.author?.role ?? null, lang), when: v.at ? localTimestamp(v.at) : '–' })}</dt>
                          <dd className="conflict-value">{valueText(lang, c, v.value)}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                  <div className="actions" role="group" aria-labelledby={headingId}>
                    {c.kind !== 'refused' &&
                      c.kind !== 'invariant' &&
                      c.versions.map((v) => (
                        <Button key={v.hlc} appearance={c.mine === v.hlc ? 'primary-action-button' : 'secondary-action-button'} disabled={busy} onClick={() => void decide(c, { choice: 'version', hlc: v.hlc })}>
                          {label(c, v)}
                        </Button>
                      ))}
                    <Button appearance="secondary-action-button" disabled={busy} onClick={() => void decide(c, { choice: 'edited' })}>
                      {t(lang, c.kind === 'refused' ? 'exchangeHandled' : 'exchangeEdit')}
                    </Button>
                    <Button appearance="subtle-button" disabled={busy} onClick={() => void decide(c, { choice: 'later' })}>
                      {t(lang, 'exchangeLater')}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

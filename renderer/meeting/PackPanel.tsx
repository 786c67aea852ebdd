// Vergaderstukken maken (issue 13): one click writes the meeting's pack (before the meeting its
// vergaderstukken, after it its besluitenlijst) into a folder of its own, with a progress bar; the
// result says which version was written (nagezonden, or unchanged) and what differs from the last.
import { useEffect, useState } from 'react';
import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import type { Meeting } from '../../shared/meeting';
import { PACKABLE_STATES, packKindOf, type PackVersion } from '../../shared/pack';
import { invoke } from '../client';
import { JobProgress, useExportJob, WrittenFiles } from '../components/ExportJobView';
import { FieldError, placeError } from '../components/fields';
import { FolderField, rememberFolder } from '../components/FolderField';
import { refreshUndo } from '../stores/register';
import { useUi } from '../stores/ui';
import { localTimestamp } from './describe';

export function PackPanel({ meeting }: { meeting: Meeting }) {
  const lang = useUi((s) => s.lang);
  const [outDir, setOutDir] = useState('');
  const { job, setJob, error, setError, fail, open, running } = useExportJob(lang);
  // A refusal about the folder sits beside Map, anything else under the buttons.
  const place = placeError(error, ['outDir']);
  const after = packKindOf(meeting.state) === 'besluitenlijst';
  async function make(e: React.FormEvent) {
    e.preventDefault();
    if (running || !outDir.trim()) return;
    setError(null);
    setJob(null);
    const r = await invoke('meeting.pack', { meeting: meeting.number, outDir });
    if (r.ok) {
      setJob(r.value);
      rememberFolder(outDir);
    } else fail(r.error);
  }
  // The versions made before (after a reload the page said nothing of them, issue 14), again
  // once a job has settled; a new version ends undo, which the buttons learn then too.
  const [versions, setVersions] = useState<PackVersion[]>([]);
  useEffect(() => {
    if (job && job.state !== 'done' && job.state !== 'failed') return;
    if (job) void refreshUndo();
    let current = true;
    void invoke('meeting.packs', { number: meeting.number }).then((r) => current && r.ok && setVersions(r.value));
    return () => void (current = false);
  }, [job?.state, meeting.number]);
  if (!PACKABLE_STATES.includes(meeting.state)) return null;
  const pack = job?.pack ?? null;
  const compared = pack?.comparedWith ?? null;
  return (
    <section className="subform" aria-labelledby="pack-heading" data-testid="pack-panel">
      <Heading level={3} id="pack-heading">{t(lang, after ? 'packAfterTitle' : 'packTitle')}</Heading>
      <p className="muted">{t(lang, after ? 'packAfterHint' : 'packHint')}</p>
      <form onSubmit={make}>
        <FolderField lang={lang} id="pack-folder" label={t(lang, 'exportFolder')} value={outDir} onChange={(v) => (setOutDir(v), place.invalid('outDir') && setError(null))} error={place.at('outDir')} />
        {/* aria-disabled keeps the keyboard on the button while the pack is made. */}
        <Button appearance="primary-action-button" type="submit" aria-disabled={running || !outDir.trim() || undefined} data-testid="make-pack">
          {t(lang, after ? 'packAfterMake' : 'packMake')}
        </Button>
      </form>
      {/* A failed job's bar stayed where it stopped (90 %), as if still at work. */}
      {job && job.state !== 'failed' && <JobProgress label={t(lang, 'packProgress')} job={job} id="pack-progress" />}
      {job?.state === 'done' && pack && (
        <div role="status" data-testid="pack-result">
          <p>
            {pack.fresh
              ? t(lang, pack.nagezonden ? 'packWrittenLater' : 'packWritten', { version: pack.version })
              : t(lang, pack.unchanged ? 'packUnchanged' : 'packRewritten', { version: pack.version })}{' '}
            <code>{pack.folder}</code>
          </p>
          {pack.asVastgesteld && <p className="muted">{t(lang, 'packAsVastgesteld')}</p>}
          {compared && (
            <p className="muted" data-testid="pack-compared">
              {t(lang, 'packCompared', { version: compared.version, changed: compared.changed.length, added: compared.added.length, same: compared.same.length })}
              {compared.changed.length > 0 && <> {t(lang, 'packChangedList', { list: compared.changed.join('; ') })}</>}
            </p>
          )}
          <WrittenFiles lang={lang} job={job} onOpen={(i) => void open(i)} testId="pack-files" names />
        </div>
      )}
      <FieldError id="pack-error" error={place.rest} />
      {versions.length > 0 && (
        <>
          <Heading level={4}>{t(lang, 'packVersions')}</Heading>
          <ul className="pack-versions" data-testid="pack-versions">
            {versions.map((v) => (
              <li key={v.version}>
                <details>
                  <summary>
                    {t(lang, v.kind === 'besluitenlijst' ? 'packAfterTitle' : 'packTitle')}:{' '}
                    {t(lang, 'packVersionLine', {
                      version: v.version,
                      nagezonden: v.nagezonden ? t(lang, 'packNagezonden') : '',
                      when: localTimestamp(v.madeAt),
                      who: v.author ? ` (${v.author})` : '',
                      count: v.files.length,
                    })}
                  </summary>
                  <ul>
                    {v.files.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

// Administration: where the register lives, who works here, the agenda template, the exchange
// with other laptops, and the backups — make one now, or restore one (the current state is backed
// up first).
import { useEffect, useState } from 'react';
import { Button, Heading, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import type { BackupInfo } from '../../shared/domain';
import { t } from '../../shared/i18n';
import { invoke } from '../client';
import { FieldError } from '../components/fields';
import { ProfileForm } from '../components/ProfileForm';
import { TemplateEditor } from '../meeting/TemplateEditor';
import { ExchangePanel } from '../exchange/ExchangePanel';
import { useProfile } from '../stores/profile';
import { describeError } from '../error-text';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

export const formatTakenAt = (takenAt: string): string => `${formatDutchDate(takenAt.slice(0, 10))} ${takenAt.slice(11, 16)}`;

export function BeheerView() {
  const lang = useUi((s) => s.lang);
  const { info, version } = useRegister();
  const profileState = useProfile((s) => s.state);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void invoke('backup.list').then((r) => r.ok && setBackups(r.value));
  }, [version]);

  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    setError(await action());
    setBusy(false);
    await useRegister.getState().load();
  }
  const makeBackup = () =>
    run(async () => {
      const r = await invoke('backup.create');
      if (!r.ok) return describeError(lang, r.error);
      useUi.getState().announce(t(lang, 'backupMade', { name: r.value.name }));
      return null;
    });
  const restore = (b: BackupInfo) =>
    run(async () => {
      const r = await invoke('backup.restore', { name: b.name });
      setConfirming(null);
      if (!r.ok) return describeError(lang, r.error);
      useUi.getState().announce(t(lang, 'restored', { when: formatTakenAt(b.takenAt) }));
      return null;
    });

  return (
    <section aria-labelledby="beheer-heading" className="view wide-form">
      <Heading level={2} id="beheer-heading">{t(lang, 'beheer')}</Heading>
      <p>
        {t(lang, 'registerFile')}: <code>{info?.path}</code>
      </p>
      <Heading level={3} id="profile-heading">{t(lang, 'profileSection')}</Heading>
      <p className="muted">{t(lang, 'profileSectionIntro')}</p>
      {profileState && (
        <ProfileForm
          // Started again once a profile is first given (the first-start dialog), not on every save:
          // that remounted the form and dropped the keyboard to the page (review).
          key={profileState.profile ? 'given' : 'none'}
          lang={lang}
          idPrefix="beheer-profile"
          initial={profileState.profile ?? { name: '', role: 'secretaris' }}
        />
      )}
      <ExchangePanel />
      <TemplateEditor />
      <div className="view-head">
        <Heading level={3} id="backups-heading">{t(lang, 'backups')}</Heading>
        <Button appearance="primary-action-button" onClick={() => void makeBackup()} disabled={busy}>
          {t(lang, 'backupNow')}
        </Button>
      </div>
      <p className="muted">{t(lang, 'backupsHelp')}</p>
      <FieldError id="backup-error" error={error} />
      {backups.length === 0 ? (
        <p>{t(lang, 'noBackups')}</p>
      ) : (
        <Table className="register-table" aria-labelledby="backups-heading" data-testid="backup-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t(lang, 'takenAt')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="num">{t(lang, 'size')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="visually-hidden">{t(lang, 'restore')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {backups.map((b) => (
              <TableRow key={b.name}>
                <TableHeaderCell scope="row">
                  {formatTakenAt(b.takenAt)} <span className="muted">({b.name})</span>
                </TableHeaderCell>
                <TableCell className="num">{Math.round(b.bytes / 1024)} kB</TableCell>
                <TableCell>
                  {confirming === b.name ? (
                    <div role="group" aria-label={t(lang, 'restore')}>
                      <p>{t(lang, 'restoreConfirm', { when: formatTakenAt(b.takenAt) })}</p>
                      <Button appearance="primary-action-button" onClick={() => void restore(b)} disabled={busy}>
                        {t(lang, 'restoreYes')}
                      </Button>{' '}
                      <Button appearance="secondary-action-button" onClick={() => setConfirming(null)}>
                        {t(lang, 'cancel')}
                      </Button>
                    </div>
                  ) : (
                    <Button appearance="secondary-action-button" className="small" onClick={() => setConfirming(b.name)}>
                      {t(lang, 'restore')}
                      <span className="visually-hidden"> {formatTakenAt(b.takenAt)}</span>
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

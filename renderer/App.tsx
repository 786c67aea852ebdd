// The secretary's workspace: one header with undo/redo and export, the views, and the panel of
// the selected dossier or actiepunt beside them.
import { useEffect, useState } from 'react';
import { Alert, Button, Heading } from '@rijkshuisstijl-community/components-react';
import { describeCall, t, type Lang } from '../shared/i18n';
import { isMenuAction } from '../shared/bridge';
import { desktop, invoke } from './client';
import { NativeSelect } from './components/fields';
import { ExportDialog } from './dialogs/ExportDialog';
import { ProfileDialog } from './dialogs/ProfileDialog';
import { useProfile } from './stores/profile';
import { describeError } from './error-text';
import { ActiepuntPanel } from './panels/ActiepuntPanel';
import { DossierPanel } from './panels/DossierPanel';
import { useRegister } from './stores/register';
import { useUi, VIEWS, type View } from './stores/ui';
import { ActiepuntenView } from './views/ActiepuntenView';
import { BoardView } from './views/BoardView';
import { DossiersView } from './views/DossiersView';
import { BeheerView } from './views/BeheerView';
import { JaarplanView } from './views/JaarplanView';
import { OverviewView } from './views/OverviewView';
import { MeetingsView } from './views/MeetingsView';
import { DecisionsView } from './views/DecisionsView';
import { MeetingMode } from './meeting-mode/MeetingMode';
import { recoverPlace } from './meeting-mode/place';

const VIEW_COMPONENTS: Record<View, () => React.JSX.Element | null> = {
  overview: OverviewView,
  dossiers: DossiersView,
  board: BoardView,
  actiepunten: ActiepuntenView,
  vergaderingen: MeetingsView,
  besluiten: DecisionsView,
  jaarplan: JaarplanView,
  beheer: BeheerView,
};

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo register edits, except inside a text field. */
async function undoOrRedo(which: 'undo' | 'redo') {
  const { lang, announce } = useUi.getState();
  const before = useRegister.getState().undo[which];
  const result = await invoke(which === 'undo' ? 'register.undo' : 'register.redo');
  await useRegister.getState().load();
  if (!result.ok) return announce(describeError(lang, result.error));
  if (before) announce(t(lang, which === 'undo' ? 'undone' : 'redone', { what: describeCall(lang, before.call, before.item) }));
}

/** The Electron menu's actions. Its Ctrl+Z undoes typing inside a text field, else the last edit. */
function onMenu(action: string) {
  if (!isMenuAction(action)) return;
  const ui = useUi.getState();
  const inField = document.activeElement?.closest('input, textarea, select, [contenteditable="true"]');
  if (action === 'undo' || action === 'redo') {
    if (inField) document.execCommand(action);
    else void undoOrRedo(action);
  } else if (action === 'export') ui.setExportOpen(true);
  else if (action === 'backup') void invoke('backup.create').then(() => useRegister.getState().load());
  else if (action.startsWith('view:')) ui.show(action.slice(5) as View);
  else if (action === 'about') ui.announce(`TB-register · ${useRegister.getState().info?.path ?? ''}`);
}

function onKey(e: KeyboardEvent) {
  if (!(e.ctrlKey || e.metaKey)) return;
  const target = e.target as HTMLElement;
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
  const key = e.key.toLowerCase();
  if (key === 'z' || key === 'y') {
    e.preventDefault();
    void undoOrRedo(key === 'y' || e.shiftKey ? 'redo' : 'undo');
  }
}

export function App() {
  const { lang, view, dossier, actiepunt, exportOpen, announcement, setLang, show, meetingMode } = useUi();
  const { loading, error, info, undo, load } = useRegister();

  const profile = useProfile();
  useEffect(() => {
    void load();
    void useProfile.getState().load();
    // A meeting mode open when the app stopped (a crash, a closed lid, a restarted shell) opens again.
    void recoverPlace().then((meeting) => meeting && !useUi.getState().meetingMode && useUi.getState().setMeetingMode(meeting));
    window.addEventListener('keydown', onKey);
    const unsubscribe = desktop()?.onMenu(onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  }, [load]);
  useEffect(() => {
    document.documentElement.lang = lang === 'nl' ? 'nl-NL' : 'en';
    document.title = info?.jaarplan ? `${t(lang, 'appTitle')} · ${info.jaarplan.title}` : t(lang, 'appTitle');
  }, [lang, info]);

  const Current = VIEW_COMPONENTS[view];
  if (meetingMode && !loading && !error) {
    return (
      <>
        <MeetingMode
          number={meetingMode}
          onExit={() => {
            useUi.getState().setMeetingMode(null);
            // Back on the meeting page, on the button that opened the mode.
            requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid=open-meeting-mode]')?.focus());
          }}
        />
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcement">
          {announcement}
        </p>
      </>
    );
  }
  return (
    <>
      <header className="app-header">
        <div>
          <Heading level={1}>{t(lang, 'appTitle')}</Heading>
          {info?.jaarplan && (
            <p className="subtitle">
              {info.jaarplan.title} · {info.jaarplan.board}
            </p>
          )}
        </div>
        <div className="header-actions">
          <Button
            appearance="secondary-action-button"
            onClick={() => void undoOrRedo('undo')}
            disabled={!undo.undo}
            title={undo.undo ? t(lang, 'undoWhat', { what: describeCall(lang, undo.undo.call, undo.undo.item) }) : t(lang, 'nothingToUndo')}
            aria-keyshortcuts="Control+Z"
          >
            ↶ {t(lang, 'undo')}
          </Button>
          <Button
            appearance="secondary-action-button"
            onClick={() => void undoOrRedo('redo')}
            disabled={!undo.redo}
            title={undo.redo ? t(lang, 'redoWhat', { what: describeCall(lang, undo.redo.call, undo.redo.item) }) : undefined}
            aria-keyshortcuts="Control+Shift+Z"
          >
            ↷ {t(lang, 'redo')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => useUi.getState().setExportOpen(true)}>
            {t(lang, 'exportTitle')}…
          </Button>
          <label className="lang-switch">
            {t(lang, 'language')}{' '}
            <NativeSelect value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              <option value="nl">Nederlands</option>
              <option value="en">English</option>
            </NativeSelect>
          </label>
        </div>
      </header>
      <nav className="tabs" aria-label={t(lang, 'views')}>
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <button type="button" aria-current={view === v ? 'page' : undefined} onClick={() => (v === 'vergaderingen' && useUi.getState().openMeeting(null), show(v))}>
                {t(lang, v)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="workspace">
        <main>
          {info?.damaged && <DamagedBanner lang={lang} reason={info.damaged} />}
          {error && (
            <Alert type="error">{t(lang, 'callFailed', { message: describeError(lang, error) })}</Alert>
          )}
          {loading && !error && <LoadingRegister lang={lang} />}
          {!loading && !error && <Current />}
        </main>
        {!loading && !error && dossier !== null && <DossierPanel key={`d${dossier}`} number={dossier} />}
        {!loading && !error && dossier === null && actiepunt !== null && <ActiepuntPanel key={`a${actiepunt}`} number={actiepunt} />}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcement">
        {announcement}
      </p>
      {exportOpen && <ExportDialog lang={lang} />}
      {profile.state && !profile.state.profile && !profile.postponed && <ProfileDialog lang={lang} suggestedName={profile.state.suggestedName} />}
      {info && (
        <footer className="app-footer">
          {/* The register's name and size; where it lives is under Beheer (issue 14: the footer showed a path). */}
          {t(lang, 'registerFooter', {
            name: info.path.split(/[\\/]/).pop() ?? info.path,
            summary: (['dossiers', 'actiepunten', 'meetings'] as const)
              .map((k) => {
                const n = info.counts[k];
                return `${n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')} ${t(lang, n === 1 ? `unit_${k}_one` : `unit_${k}`)}`;
              })
              .join(' · '),
          })}
        </footer>
      )}
    </>
  );
}

/**
 * While the register loads: the shape of what comes (a heading, a toolbar, table rows) in grey,
 * and the words for screen readers (issue 14: the bare text "Register laden…").
 */
function LoadingRegister({ lang }: { lang: Lang }) {
  return (
    <div className="skeleton" aria-busy="true" data-testid="loading">
      <p className="visually-hidden" aria-live="polite">
        {t(lang, 'loading')}
      </p>
      <div className="skeleton-bar heading" />
      <div className="skeleton-bar toolbar" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="skeleton-bar row" />
      ))}
    </div>
  );
}

/** A register that had to open read-only says why, and offers the newest good backup. */
function DamagedBanner({ lang, reason }: { lang: Lang; reason: string }) {
  const [failure, setFailure] = useState<string | null>(null);
  async function restore() {
    const result = await invoke('backup.restore', { name: 'newest-good' });
    await useRegister.getState().load();
    setFailure(result.ok ? null : describeError(lang, result.error));
  }
  return (
    <Alert type="error" data-testid="damaged">
      <p>
        <strong>{t(lang, 'damagedTitle')}</strong>: {reason}
      </p>
      <Button appearance="secondary-action-button" onClick={() => void restore()}>
        {t(lang, 'restoreNewest')}
      </Button>
      {failure && <p>{failure}</p>}
    </Alert>
  );
}

// Asked once, at the first start: who works here. The answer signs every change in the change
// log; "Later" (or Esc) leaves changes unsigned until it is given (in Beheer, or at the next start).
import { useEffect, useRef } from 'react';
import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import { t, type Lang } from '../../shared/i18n';
import { ProfileForm } from '../components/ProfileForm';
import { useProfile } from '../stores/profile';

/**
 * Opened at the start, before anything had focus: closed, the dialog would leave focus on the
 * page body (or on its own button, hidden). It goes to the current view's tab instead, where
 * keyboard work begins.
 */
const focusCurrentTab = () => document.querySelector<HTMLElement>('nav button[aria-current="page"]')?.focus();

export function ProfileDialog({ lang, suggestedName }: { lang: Lang; suggestedName: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const postpone = () => {
    focusCurrentTab();
    useProfile.getState().postpone();
  };
  return (
    <dialog ref={dialog} onClose={postpone} aria-labelledby="profile-title" aria-describedby="profile-intro" className="dialog" data-testid="profile-dialog">
      <Heading level={2} id="profile-title">{t(lang, 'profileQuestion')}</Heading>
      <p id="profile-intro">{t(lang, 'profileIntro')}</p>
      {/* Saved: the profile is there and App takes this dialog away (it may already have). */}
      <ProfileForm
        lang={lang}
        idPrefix="first-profile"
        // Empty, not the computer's login ("jdevries" would sign every change): the hint names it.
        initial={{ name: '', role: 'secretaris' }}
        nameHelp={t(lang, suggestedName ? 'profileNameHelpLogin' : 'profileNameHelp', { login: suggestedName })}
        onSaved={() => {
          dialog.current?.close();
          focusCurrentTab();
        }}
      >
        <Button appearance="secondary-action-button" onClick={() => dialog.current?.close()}>
          {t(lang, 'profileLater')}
        </Button>
      </ProfileForm>
    </dialog>
  );
}

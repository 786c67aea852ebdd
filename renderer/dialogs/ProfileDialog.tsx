// Asked once, at the first start: who works here. The answer signs every change in the change
// log; "Later" leaves changes unsigned until it is given (in Beheer, or at the next start).
import { useEffect, useRef } from 'react';
import { t, type Lang } from '../../shared/i18n';
import { ProfileForm } from '../components/ProfileForm';
import { useProfile } from '../stores/profile';

export function ProfileDialog({ lang, suggestedName }: { lang: Lang; suggestedName: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const close = () => dialog.current?.close();
  return (
    <dialog ref={dialog} onClose={() => useProfile.getState().postpone()} aria-labelledby="profile-title" aria-describedby="profile-intro" className="dialog" data-testid="profile-dialog">
      <h2 id="profile-title">{t(lang, 'profileQuestion')}</h2>
      <p id="profile-intro">{t(lang, 'profileIntro')}</p>
      <ProfileForm lang={lang} idPrefix="first-profile" initial={{ name: suggestedName, role: 'secretaris' }} onSaved={close}>
        <button type="button" onClick={close}>
          {t(lang, 'profileLater')}
        </button>
      </ProfileForm>
    </dialog>
  );
}

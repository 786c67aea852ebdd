// Name and role of the person at this computer: the first-start dialog and Beheer use it.
import { useState } from 'react';
import { Button, TextInput } from '@rijkshuisstijl-community/components-react';
import { PROFILE_ROLES, type Profile, type ProfileRole } from '../../shared/domain';
import { t, type Lang } from '../../shared/i18n';
import { describeError } from '../error-text';
import { useProfile } from '../stores/profile';
import { useUi } from '../stores/ui';
import { NativeSelect, PlacedField, SavedFlash, useSavedFlash } from './fields';

export function ProfileForm({ lang, idPrefix, initial, nameHelp, onSaved, children }: {
  lang: Lang;
  idPrefix: string;
  initial: Profile;
  /** A hint under Naam (the first start says what name to give). */
  nameHelp?: string;
  onSaved?: () => void;
  /** More buttons beside "Opslaan" (the dialog's "Later"). */
  children?: React.ReactNode;
}) {
  const [name, setName] = useState(initial.name);
  const [role, setRole] = useState<ProfileRole>(initial.role);
  const [error, setError] = useState<string | null>(null);
  // A visible "✓ Opgeslagen" for a moment (only the screen reader heard that it was saved, review).
  const [saved, flashSaved] = useSavedFlash();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const refused = await useProfile.getState().save({ name, role });
    if (refused) return setError(describeError(lang, refused));
    setError(null);
    flashSaved();
    useUi.getState().announce(t(lang, 'profileSaved'));
    onSaved?.();
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="profile-form">
      <div className="grid-2">
        <PlacedField id={`${idPrefix}-name`} label={t(lang, 'profileName')} help={nameHelp} error={error}>
          <TextInput
            id={`${idPrefix}-name`}
            value={name}
            onChange={(e) => (setName(e.target.value), setError(null))}
            autoComplete="name"
            invalid={error ? true : undefined}
            aria-describedby={[error ? `${idPrefix}-name-error` : '', nameHelp ? `${idPrefix}-name-help` : ''].filter(Boolean).join(' ') || undefined}
          />
        </PlacedField>
        <div className="field">
          <label htmlFor={`${idPrefix}-role`}>{t(lang, 'profileRole')}</label>
          <NativeSelect id={`${idPrefix}-role`} value={role} onChange={(e) => setRole(e.target.value as ProfileRole)}>
            {PROFILE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(lang, `role_${r}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      <div className="actions">
        <Button appearance="primary-action-button" type="submit">
          {t(lang, 'profileSave')}
        </Button>
        {children}
        <SavedFlash lang={lang} shown={saved} />
      </div>
    </form>
  );
}

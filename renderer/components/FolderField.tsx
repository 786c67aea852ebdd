// A folder to write into: typed, or (in the desktop app) chosen with the system's folder picker.
// Until the user types one, it holds the folder last written into on this computer, else the
// default export folder (export.defaults).
import { useEffect } from 'react';
import { Button, TextInput } from '@rijkshuisstijl-community/components-react';
import { t, type Lang } from '../../shared/i18n';
import { desktop, invoke } from '../client';
import { FieldError } from './fields';

const LAST_FOLDER = 'tb-register.lastFolder';

/** Remembers the folder an export or pack was started in: the next one starts there. */
export const rememberFolder = (folder: string): void => localStorage.setItem(LAST_FOLDER, folder);

export function FolderField({ lang, id, label, value, onChange, error = null }: { lang: Lang; id: string; label: string; value: string; onChange: (folder: string) => void; error?: string | null }) {
  useEffect(() => {
    if (value) return;
    const last = localStorage.getItem(LAST_FOLDER);
    if (last) onChange(last);
    else void invoke('export.defaults').then((r) => r.ok && onChange(r.value.outDir));
    // Only once, when the field first appears empty.
  }, []);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="with-button">
        <TextInput
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {desktop() && (
          <Button
            appearance="secondary-action-button"
            onClick={async () => {
              const chosen = await desktop()!.chooseFolder(label);
              if (chosen) onChange(chosen);
            }}
          >
            {t(lang, 'browse')}
          </Button>
        )}
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

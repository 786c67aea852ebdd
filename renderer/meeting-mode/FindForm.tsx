// Ctrl+K in the meeting mode: any dossier or actiepunt by number or words; Enter goes to the
// agenda item it is on, or links it to the current one.
import { useState } from 'react';
import { TextInput } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import type { Meeting } from '../../shared/meeting';
import { fold } from '../../shared/search';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

/** A dossier or actiepunt the mode can show or link. */
export type Entry = { kind: 'dossier'; number: number } | { kind: 'actiepunt'; number: number };

/** Ctrl+K: any dossier or actiepunt by number or words; Enter jumps to the item it is on, or links it to the current one. */
export function FindForm({ meeting, onJump, onLink }: { meeting: Meeting; onJump(itemId: number, entry: Entry): void; onLink(entry: Entry): void }) {
  const lang = useUi((s) => s.lang);
  const { dossiers, actiepunten } = useRegister();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const needle = fold(query.trim());
  const found: Array<Entry & { label: string }> = needle
    ? [
        ...dossiers.filter((d) => !d.archived && (String(d.number) === needle || fold(d.title).includes(needle))).map((d) => ({ kind: 'dossier' as const, number: d.number, label: `${t(lang, 'linkedDossier', { number: d.number })}: ${d.title}` })),
        ...actiepunten.filter((a) => !a.archived && (String(a.number) === needle || fold(a.text).includes(needle))).map((a) => ({ kind: 'actiepunt' as const, number: a.number, label: `${t(lang, 'actiepuntOutcome', { number: a.number })}: ${a.text.split('\n')[0]}` })),
      ].slice(0, 8)
    : [];
  function choose(entry: Entry) {
    const on = meeting.items.find((i) => (entry.kind === 'dossier' ? i.links.dossiers : i.links.actiepunten).includes(entry.number));
    if (on) onJump(on.id, entry);
    else onLink(entry);
  }
  return (
    <div className="mode-form" data-testid="mode-find">
      <label htmlFor="mode-find-input">{t(lang, 'modeFind')}</label>
      <TextInput
        id="mode-find-input"
        autoFocus
        role="combobox"
        aria-expanded={found.length > 0}
        aria-controls="mode-find-list"
        aria-activedescendant={found.length ? `mode-find-${active}` : undefined}
        value={query}
        onChange={(e) => (setQuery(e.target.value), setActive(0))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') (e.preventDefault(), setActive(Math.min(active + 1, found.length - 1)));
          if (e.key === 'ArrowUp') (e.preventDefault(), setActive(Math.max(active - 1, 0)));
          if (e.key === 'Enter' && found[active]) (e.preventDefault(), choose(found[active]!));
        }}
      />
      <ul id="mode-find-list" role="listbox" className="options" aria-label={t(lang, 'modeFind')} hidden={found.length === 0}>
        {found.map((f, i) => (
          <li key={`${f.kind}${f.number}`} id={`mode-find-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => (e.preventDefault(), choose(f))}>
            {f.label}
          </li>
        ))}
      </ul>
      {needle && found.length === 0 && <p className="muted">{t(lang, 'linkNone')}</p>}
    </div>
  );
}

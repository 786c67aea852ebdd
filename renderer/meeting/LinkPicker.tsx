// What an agenda item is about: dossiers, actiepunten and ambitions, shown as links that open
// them, and picked by searching (number or words, case and accents ignored).
import { useId, useState } from 'react';
import { TextInput } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import type { AgendaLinks } from '../../shared/meeting';
import { fold } from '../../shared/search';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

type Found =
  | { kind: 'dossier'; number: number; label: string }
  | { kind: 'actiepunt'; number: number; label: string }
  | { kind: 'ambition'; code: string; label: string };

/** A link's title on its chip, cut with "…" where long; the whole title shows on hover. */
function ChipTitle({ text }: { text: string | undefined }) {
  return (
    <span className="chip-title" title={text}>
      {text}
    </span>
  );
}

export function LinkChips({ links }: { links: AgendaLinks }) {
  const lang = useUi((s) => s.lang);
  const { dossiers, actiepunten, ambitions } = useRegister();
  if (links.dossiers.length + links.actiepunten.length + links.ambitions.length === 0) return null;
  return (
    <p className="chips">
      <span className="muted">{t(lang, 'links')}:</span>
      {links.dossiers.map((n) => (
        <button key={`d${n}`} type="button" className="chip" onClick={() => useUi.getState().openDossier(n)}>
          {t(lang, 'linkedDossier', { number: n })}: <ChipTitle text={dossiers.find((d) => d.number === n)?.title} />
        </button>
      ))}
      {links.actiepunten.map((n) => (
        <button key={`a${n}`} type="button" className="chip" onClick={() => useUi.getState().openActiepunt(n)}>
          {t(lang, 'actiepuntOutcome', { number: n })}: <ChipTitle text={actiepunten.find((a) => a.number === n)?.text.split('\n')[0]} />
        </button>
      ))}
      {links.ambitions.map((code) => (
        <span key={code} className="chip">
          {ambitions.find((a) => a.code === code)?.name ?? code}
        </span>
      ))}
    </p>
  );
}

export function LinkPicker({ links, onChange }: { links: AgendaLinks; onChange(links: AgendaLinks): void }) {
  const lang = useUi((s) => s.lang);
  const id = useId();
  const { dossiers, actiepunten, ambitions } = useRegister();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const needle = fold(query.trim());
  const found: Found[] = needle
    ? [
        ...dossiers
          .filter((d) => !d.archived && !links.dossiers.includes(d.number) && (String(d.number) === needle || fold(d.title).includes(needle)))
          .map((d): Found => ({ kind: 'dossier', number: d.number, label: `${t(lang, 'linkedDossier', { number: d.number })}: ${d.title}` })),
        ...actiepunten
          .filter((a) => !a.archived && !links.actiepunten.includes(a.number) && (String(a.number) === needle || fold(a.text).includes(needle)))
          .map((a): Found => ({ kind: 'actiepunt', number: a.number, label: `${t(lang, 'actiepuntOutcome', { number: a.number })}: ${a.text.split('\n')[0]}` })),
        ...ambitions
          .filter((a) => !links.ambitions.includes(a.code) && fold(a.name).includes(needle))
          .map((a): Found => ({ kind: 'ambition', code: a.code, label: `${t(lang, 'ambition')}: ${a.name}` })),
      ].slice(0, 8)
    : [];
  function pick(f: Found) {
    if (f.kind === 'dossier') onChange({ ...links, dossiers: [...links.dossiers, f.number] });
    else if (f.kind === 'actiepunt') onChange({ ...links, actiepunten: [...links.actiepunten, f.number] });
    else onChange({ ...links, ambitions: [...links.ambitions, f.code] });
    setQuery('');
    setActive(0);
  }
  const chosen: Array<{ key: string; label: string; drop: AgendaLinks }> = [
    ...links.dossiers.map((n) => ({ key: `d${n}`, label: t(lang, 'linkedDossier', { number: n }), drop: { ...links, dossiers: links.dossiers.filter((x) => x !== n) } })),
    ...links.actiepunten.map((n) => ({ key: `a${n}`, label: t(lang, 'actiepuntOutcome', { number: n }), drop: { ...links, actiepunten: links.actiepunten.filter((x) => x !== n) } })),
    ...links.ambitions.map((c) => ({ key: c, label: ambitions.find((a) => a.code === c)?.name ?? c, drop: { ...links, ambitions: links.ambitions.filter((x) => x !== c) } })),
  ];
  return (
    <div className="field link-picker">
      <span className="label" id={`${id}-label`}>
        {t(lang, 'links')}
      </span>
      {chosen.length === 0 ? (
        <p className="muted">{t(lang, 'noLinks')}</p>
      ) : (
        <ul className="chips" aria-labelledby={`${id}-label`}>
          {chosen.map((c) => (
            <li key={c.key}>
              <button type="button" className="chip" aria-label={t(lang, 'removeLink', { what: c.label })} onClick={() => onChange(c.drop)}>
                {c.label} ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-search`}>{t(lang, 'linkSearch')}</label>
      <TextInput
        id={`${id}-search`}
        role="combobox"
        aria-expanded={found.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={found.length ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-help`}
        value={query}
        data-testid="link-search"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') (e.preventDefault(), setActive(Math.min(active + 1, found.length - 1)));
          if (e.key === 'ArrowUp') (e.preventDefault(), setActive(Math.max(active - 1, 0)));
          if (e.key === 'Enter' && found[active]) (e.preventDefault(), pick(found[active]!));
          if (e.key === 'Escape') setQuery('');
        }}
      />
      <p id={`${id}-help`} className="field-help">
        {t(lang, 'linkSearchHelp')}
      </p>
      {needle && found.length === 0 && (
        <p className="muted" role="status">
          {t(lang, 'linkNone')}
        </p>
      )}
      <ul id={`${id}-list`} role="listbox" className="options" aria-label={t(lang, 'linkSearch')} hidden={found.length === 0}>
        {found.map((f, i) => (
          <li key={f.kind === 'ambition' ? `m${f.code}` : `${f.kind}${f.number}`} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => (e.preventDefault(), pick(f))}>
            {f.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

// Numbers given on a laptop that does not number (issue 17): shown as "nieuw, voorzitter" beside
// the number until the secretary's register gives the final one, which then travels back.
import { useEffect } from 'react';
import { create } from 'zustand';
import { t, type Lang } from '../../shared/i18n';
import { whoText } from '../../shared/exchange-text';
import { invoke } from '../client';
import { useRegister } from '../stores/register';

interface Provisional {
  dossiers: Map<number, string | null>;
  actiepunten: Map<number, string | null>;
  loadedFor: number;
}

const useProvisionalStore = create<Provisional>(() => ({ dossiers: new Map(), actiepunten: new Map(), loadedFor: -1 }));

/** Reads the provisional numbers again whenever the register changed. */
export function useProvisional(): Provisional {
  const version = useRegister((s) => s.version);
  useEffect(() => {
    if (useProvisionalStore.getState().loadedFor === version) return;
    void invoke('exchange.provisional').then((r) => {
      if (!r.ok) return;
      useProvisionalStore.setState({
        dossiers: new Map(r.value.dossiers.map((d) => [d.number, d.by])),
        actiepunten: new Map(r.value.actiepunten.map((a) => [a.number, a.by])),
        loadedFor: version,
      });
    });
  }, [version]);
  return useProvisionalStore();
}

/** "nieuw, voorzitter" after a provisional number; nothing for a final one. */
export function ProvisionalMark({ lang, by }: { lang: Lang; by: string | null | undefined }) {
  if (by === undefined) return null;
  const who = by ? whoText(null, by, lang).replace(/^(de|een|the|a) /, '') : '?';
  return (
    <span className="provisional" title={t(lang, 'provisionalHelp')}>
      {' '}
      ({t(lang, 'provisional', { who })})
    </span>
  );
}

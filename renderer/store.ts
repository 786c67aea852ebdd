// View state of the first screen: the register as last read through the contract.
import { create } from 'zustand';
import type { Actiepunt, DossierSummary, Hoofddossier, RegisterInfo } from '../shared/domain';
import type { CallError } from '../shared/errors';
import type { Lang } from '../shared/i18n';
import { invoke } from './client';

interface RegisterView {
  lang: Lang;
  loading: boolean;
  error: CallError | null;
  info: RegisterInfo | null;
  dossiers: DossierSummary[];
  actiepunten: Actiepunt[];
  hoofddossiers: Hoofddossier[];
  setLang(lang: Lang): void;
  load(): Promise<void>;
}

const LANG_KEY = 'tb-register-lang';
const storedLang = (): Lang => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl');

export const useRegisterView = create<RegisterView>((set) => ({
  lang: storedLang(),
  loading: true,
  error: null,
  info: null,
  dossiers: [],
  actiepunten: [],
  hoofddossiers: [],
  setLang(lang) {
    localStorage.setItem(LANG_KEY, lang);
    set({ lang });
  },
  async load() {
    set({ loading: true, error: null });
    const [info, dossiers, actiepunten, hoofddossiers] = await Promise.all([
      invoke('register.info'),
      invoke('dossier.list', {}),
      invoke('actiepunt.list', {}),
      invoke('hoofddossier.list'),
    ]);
    for (const result of [info, dossiers, actiepunten, hoofddossiers]) {
      if (!result.ok) return set({ loading: false, error: result.error });
    }
    set({
      loading: false,
      info: info.ok ? info.value : null,
      dossiers: dossiers.ok ? dossiers.value : [],
      actiepunten: actiepunten.ok ? actiepunten.value : [],
      hoofddossiers: hoofddossiers.ok ? hoofddossiers.value : [],
    });
  },
}));

// Which view is open, which item is selected, the language, and the last announcement.
import { create } from 'zustand';
import type { Lang } from '../../shared/i18n';
import { forgetPlace, keepPlace, keptPlace, openModeMeeting } from '../meeting-mode/place';

export const VIEWS = ['overview', 'dossiers', 'board', 'actiepunten', 'vergaderingen', 'besluiten', 'jaarplan', 'beheer'] as const;
export type View = (typeof VIEWS)[number];

interface UiState {
  lang: Lang;
  view: View;
  dossier: number | null;
  actiepunt: number | 'new' | null;
  /** The meeting whose page is open in the Vergaderingen view, by number (TB-2024-01). */
  meeting: string | null;
  /** The meeting whose Vergadermodus fills the window, or null. */
  meetingMode: string | null;
  exportOpen: boolean;
  /** Read out by the status region (undo, saves): polite, never in the way. */
  announcement: string;
  setLang(lang: Lang): void;
  show(view: View): void;
  openDossier(number: number | null): void;
  openActiepunt(number: number | 'new' | null): void;
  openMeeting(number: string | null): void;
  setMeetingMode(number: string | null): void;
  setExportOpen(open: boolean): void;
  announce(text: string): void;
}

const LANG_KEY = 'tb-register-lang';
const VIEW_KEY = 'tb-register-view';
const MEETING_KEY = 'tb-register-meeting';
const storedLang = (): Lang => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl');
const storedView = (): View => {
  const view = sessionStorage.getItem(VIEW_KEY);
  return (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'dossiers';
};

/** The element that had the keyboard when a panel opened: closing the panel gives it back (issue 12). */
let opener: HTMLElement | null = null;
function rememberOpener(opening: boolean): void {
  if (opening && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) opener = document.activeElement;
}
function returnFocus(): void {
  const back = opener;
  opener = null;
  requestAnimationFrame(() => {
    if (back?.isConnected) back.focus();
    // Gone (the row scrolled away, the view changed): the view's own tab, never the page body.
    else document.querySelector<HTMLElement>('nav.tabs [aria-current=page]')?.focus();
  });
}

export const useUi = create<UiState>((set, get) => ({
  lang: storedLang(),
  view: storedView(),
  dossier: null,
  actiepunt: null,
  meeting: sessionStorage.getItem(MEETING_KEY),
  meetingMode: openModeMeeting(),
  exportOpen: false,
  announcement: '',
  setLang(lang) {
    localStorage.setItem(LANG_KEY, lang);
    set({ lang });
  },
  show(view) {
    sessionStorage.setItem(VIEW_KEY, view);
    // The meeting pages, Jaarplan and Beheer have their own side column: a dossier or actiepunt
    // panel left open squeezed them into three narrow columns (issue 14).
    const ownSide = view === 'vergaderingen' || view === 'jaarplan' || view === 'beheer';
    set(ownSide ? { view, dossier: null, actiepunt: null } : { view });
  },
  openDossier(dossier) {
    rememberOpener(get().dossier === null && get().actiepunt === null);
    set({ dossier });
    if (dossier === null && get().actiepunt === null) returnFocus();
  },
  openActiepunt(actiepunt) {
    rememberOpener(get().dossier === null && get().actiepunt === null);
    set({ actiepunt });
    if (actiepunt === null && get().dossier === null) returnFocus();
  },
  setMeetingMode(meetingMode) {
    if (meetingMode === null) forgetPlace();
    else keepPlace(meetingMode, keptPlace(meetingMode));
    set(meetingMode === null ? { meetingMode } : { meetingMode, meeting: meetingMode, view: 'vergaderingen' });
  },
  openMeeting(meeting) {
    if (meeting === null) sessionStorage.removeItem(MEETING_KEY);
    else sessionStorage.setItem(MEETING_KEY, meeting);
    if (meeting !== null) sessionStorage.setItem(VIEW_KEY, 'vergaderingen');
    set(meeting === null ? { meeting } : { meeting, view: 'vergaderingen' });
  },
  setExportOpen: (exportOpen) => set({ exportOpen }),
  announce: (announcement) => set({ announcement }),
}));

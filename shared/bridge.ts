// The Electron bridge's vocabulary, shared by main, preload and page: the IPC channels, and what
// the application menu asks of the page.
export const CHANNELS = { invoke: 'tb:invoke', chooseFolder: 'tb:choose-folder', menu: 'tb:menu', changed: 'tb:changed' } as const;

/** The presentation view: our own page with this fragment, opened as a second window or tab. */
export const PRESENT_PREFIX = '#present=';

export const MENU_ACTIONS = [
  'export',
  'backup',
  'undo',
  'redo',
  'about',
  'view:overview',
  'view:dossiers',
  'view:board',
  'view:actiepunten',
  'view:jaarplan',
  'view:beheer',
] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export const VIEW_ACTIONS = MENU_ACTIONS.filter((a) => a.startsWith('view:'));

export const isMenuAction = (value: unknown): value is MenuAction => typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);

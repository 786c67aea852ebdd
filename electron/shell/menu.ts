// The Dutch application menu with the usual shortcuts. Register actions (export, undo, redo,
// views) go to the page, which knows whether Ctrl+Z means "undo my typing" or "undo my edit".
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/bridge';

export function menuTemplate(send: (action: MenuAction) => void, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(action),
  });
  const views: Array<[string, MenuAction]> = [
    ['Overzicht', 'view:overview'],
    ['Dossiers', 'view:dossiers'],
    ['Fasebord', 'view:board'],
    ['Actiepunten', 'view:actiepunten'],
    ['Jaarplan', 'view:jaarplan'],
    ['Beheer', 'view:beheer'],
  ];
  return [
    ...(platform === 'darwin' ? [{ label: 'TB-register', role: 'appMenu' as const }] : []),
    {
      label: '&Bestand',
      submenu: [
        item('Exporteren…', 'export', 'CmdOrCtrl+E'),
        item('Reservekopie maken', 'backup'),
        { type: 'separator' },
        { label: platform === 'darwin' ? 'Venster sluiten' : 'Afsluiten', role: platform === 'darwin' ? 'close' : 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '&Bewerken',
      submenu: [
        item('Ongedaan maken', 'undo', 'CmdOrCtrl+Z'),
        item('Opnieuw', 'redo', platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z'),
        { type: 'separator' },
        { label: 'Knippen', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: 'Kopiëren', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: 'Plakken', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: 'Alles selecteren', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: 'Bee&ld',
      submenu: [
        ...views.map(([label, action], i) => item(label, action, `CmdOrCtrl+${i + 1}`)),
        { type: 'separator' },
        { label: 'Ware grootte', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { label: 'Inzoomen', role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
        { label: 'Uitzoomen', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
    { label: '&Help', submenu: [item('Over TB-register', 'about')] },
  ];
}


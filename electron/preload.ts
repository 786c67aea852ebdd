// The renderer's only window into the main process: one object, four functions. It carries
// calls, not capabilities: no ipcRenderer, no Node, no channel names chosen by the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS } from '../shared/bridge';

export const bridge = {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke(CHANNELS.invoke, name, input),
  chooseFolder: (title: string) => ipcRenderer.invoke(CHANNELS.chooseFolder, title) as Promise<string | null>,
  onMenu: (listener: (action: string) => void) => {
    const handler = (_event: IpcRendererEvent, action: unknown) => typeof action === 'string' && listener(action);
    ipcRenderer.on(CHANNELS.menu, handler);
    return () => void ipcRenderer.removeListener(CHANNELS.menu, handler);
  },
  /** After every committed change to the register, in any window: the call's name. */
  onChanged: (listener: (call: string, touched: unknown) => void) => {
    const handler = (_event: IpcRendererEvent, call: unknown, touched: unknown) => typeof call === 'string' && listener(call, touched ?? null);
    ipcRenderer.on(CHANNELS.changed, handler);
    return () => void ipcRenderer.removeListener(CHANNELS.changed, handler);
  },
};

contextBridge.exposeInMainWorld('tbRegister', bridge);

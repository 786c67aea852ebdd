// The renderer's only window into the main process: one object with one function.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('tbRegister', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('tb:invoke', name, input),
});

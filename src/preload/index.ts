// The only bridge between page and main: invoke(method, params) and subscribe(event, callback).
// Bundled as CommonJS because sandboxed preloads cannot load ES modules.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';

const INVOKE_CHANNEL = 'upright:invoke';
const EVENT_CHANNEL = 'upright:event';

contextBridge.exposeInMainWorld('upright', {
  invoke: (method: string, params: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, String(method), params),
  subscribe: (event: string, callback: (payload: unknown) => void) => {
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
});

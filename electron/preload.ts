/**
 * The only bridge from the page to the backend: `invoke` limited to the contract's call names, and
 * event subscription limited to the contract's events. No ipcRenderer, fs or paths are exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, eventNames } from '../shared/api';

const calls = new Set<string>(callNames);
const events = new Set<string>(eventNames);

contextBridge.exposeInMainWorld('duiding', {
  async invoke(name: string, args: unknown): Promise<unknown> {
    if (!calls.has(name)) throw new Error(`Unknown call "${name}"`);
    const out = (await ipcRenderer.invoke('duiding:invoke', name, args)) as
      { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };
    if (out.ok) return out.result;
    const err = new Error(out.error.message);
    (err as Error & { code?: string }).code = out.error.code;
    throw err;
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event "${event}"`);
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on('duiding:event', listener);
    return () => ipcRenderer.removeListener('duiding:event', listener);
  },
});

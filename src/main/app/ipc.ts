// Electron IPC transport: one channel for invoke, one for events. Envelopes, never rejections,
// so no stack trace crosses into the page.
import { type BrowserWindow, ipcMain } from 'electron';
import { UprightError } from '../../shared/errors.ts';
import { dispatch, type Handlers } from '../api/registry.ts';
import type { Services } from '../services.ts';
import { isTrustedSender } from './security.ts';

export const INVOKE_CHANNEL = 'upright:invoke';
export const EVENT_CHANNEL = 'upright:event';

export function registerIpc(handlers: Handlers, services: Services, devServer: string | null): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, params: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, devServer)) {
      return { ok: false, error: new UprightError('FORBIDDEN_SENDER').toPayload() };
    }
    return dispatch(handlers, method, params, { services, transport: 'ipc' });
  });
}

export function forwardEvents(services: Services, window: BrowserWindow): () => void {
  return services.events.listen((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
}

// The renderer's only way to reach main: typed invoke/subscribe over whichever transport exists
// (the preload's in Electron, the loopback bridge in the browser preview and tests).
import type { EventName, EventPayload, Method, Params, Result, UprightBridge } from '../../../shared/api.ts';
import { unwrap } from '../../../shared/errors.ts';
import { createHttpBridge } from './http-bridge.ts';

declare global {
  interface Window {
    upright?: UprightBridge;
  }
}

const bridge: UprightBridge = window.upright ?? createHttpBridge();

export async function invoke<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
  return unwrap(await bridge.invoke(method, params)) as Result<M>;
}

export function subscribe<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
  return bridge.subscribe(event, (payload) => callback(payload as EventPayload<E>));
}

export { UprightError } from '../../../shared/errors.ts';

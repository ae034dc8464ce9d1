// In-process event bus: handlers emit, transports (IPC, bridge stream) forward to subscribers.
import { type EventName, type EventPayload, events as eventSchemas } from '../shared/api.ts';

type Listener = (name: EventName, payload: unknown) => void;

export class EventBus {
  readonly #listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    // Validate here so every transport forwards only well-formed, schema-stripped payloads.
    const clean = eventSchemas[name].parse(payload);
    for (const listener of this.#listeners) listener(name, clean);
  }

  /** Listens to every event; returns the function that stops listening. */
  listen(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

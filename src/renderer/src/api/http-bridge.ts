// The dev/test transport: the same invoke/subscribe surface as the preload, over the loopback
// bridge. The token arrives in the URL fragment (never sent to a server) and is kept for this tab.
import type { UprightBridge } from '../../../shared/api.ts';
import type { Envelope } from '../../../shared/errors.ts';

const TOKEN_KEY = 'upright.bridgeToken';

function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpBridge(): UprightBridge {
  const token = takeToken();
  const headers = { Authorization: `Bearer ${token}` };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function stream(): Promise<void> {
    streaming = true;
    for (;;) {
      try {
        const response = await fetch('/api/events', { headers });
        if (!response.ok || !response.body) throw new Error('event stream refused');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let newline = buffer.indexOf('\n');
          while (newline >= 0) {
            const line = buffer.slice(0, newline).trim();
            buffer = buffer.slice(newline + 1);
            if (line) {
              const { event, payload } = JSON.parse(line) as { event: string; payload: unknown };
              for (const callback of listeners.get(event) ?? []) callback(payload);
            }
            newline = buffer.indexOf('\n');
          }
        }
      } catch {
        // The bridge went away (dev server restarted): retry shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  return {
    async invoke(method, params) {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, params }),
      });
      return (await response.json()) as Envelope<unknown>;
    },
    subscribe(event, callback) {
      if (!streaming) void stream();
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
  };
}

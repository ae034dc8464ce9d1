// The Content-Security-Policy for every page Upright shows: bundled files only, no remote origin,
// no eval, no inline script, no plugins, no framing, nowhere to post a form.
// Delivered as a response header by the app:// protocol (Electron) and by the dev/test bridge.

export interface CspOptions {
  /** electron-vite's dev server during `npm run dev` only (hot reload needs it); never in a build. */
  devServer?: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServer ? new URL(options.devServer).origin : null;
  const devWs = dev ? dev.replace(/^http/, 'ws') : null;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Vite's React refresh preamble is an inline script: allowed in dev only.
    'script-src': dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"],
    'style-src': dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': dev && devWs ? ["'self'", dev, devWs] : ["'self'"],
    // pdf.js renders originals from bytes in memory through a blob: worker.
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'child-src': ["'none'"],
    'media-src': ["'none'"],
    'manifest-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

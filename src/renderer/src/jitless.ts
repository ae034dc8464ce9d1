// The page's CSP forbids eval, so zod must not try it: left alone, zod's first parse probes
// `new Function('')` to decide whether to compile its parsers, and the browser records every such
// probe as a CSP violation. Imported first by main.tsx, before any schema is used.
import { config } from 'zod';

config({ jitless: true });

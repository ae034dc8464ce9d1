// Child process for the memory test: drives the vault through the API dispatcher the way the app
// does (JSON params in, as over IPC), locks, then writes a V8 heap snapshot and prints its path.
// The secrets arrive on stdin, never in argv or the environment (which stay in memory for good).
// node --expose-gc heap.ts <location> <kdf> <snapshot folder> [keep]   (stdin: {"first","second","text"})
// With "keep", the child holds on to the secrets itself: the control that the scan finds them.
import { writeHeapSnapshot } from 'node:v8';
import { handlers } from '../../../../src/main/api/index.ts';
import { dispatch } from '../../../../src/main/api/registry.ts';
import { createServices } from '../../../../src/main/services.ts';

const [location, kdf, folder, keep] = process.argv.slice(2) as [string, string, string, string | undefined];
const kept: unknown[] = [];
const services = createServices({
  vaultLocation: location,
  runtime: { runtime: 'node', electron: null },
  dialogs: {
    chooseBackupFolder: async () => null,
    chooseImportPaths: async () => [],
    chooseSavePath: async () => null,
  },
  kdf: JSON.parse(kdf),
});
const ctx = { services, transport: 'test' as const };

async function send(method: string, json: string): Promise<void> {
  const envelope = await dispatch(handlers, method, JSON.parse(json), ctx);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}`);
}

async function session(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const input = Buffer.concat(chunks);
  if (keep) kept.push(JSON.parse(input.toString('utf8')));
  // Each call gets its params as JSON text, built from the bytes and dropped after the call.
  const field = (name: string) => JSON.stringify(JSON.parse(input.toString('utf8'))[name]);
  await send('vault.create', `{"passphrase":${field('first')}}`);
  await send('vault.lock', '{}');
  await send('vault.unlock', `{"passphrase":${field('first')}}`);
  const store = services.vault.store();
  const dossier = store.dossiers.create({ title: 'Dossier' });
  const source = store.sources.add({
    dossierId: dossier.id,
    title: 'Interview',
    kind: 'testimony',
    text: JSON.parse(input.toString('utf8')).text,
  });
  await send('source.get', JSON.stringify({ id: source.id }));
  await send('source.list', JSON.stringify({ dossierId: dossier.id }));
  await send('vault.changePassphrase', `{"current":${field('first')},"next":${field('second')}}`);
  await send('vault.rotateKeys', `{"current":${field('second')}}`);
  await send('vault.lock', '{}');
  input.fill(0);
}

await session();
globalThis.gc?.();
await new Promise((resolve) => setTimeout(resolve, 50));
globalThis.gc?.();
console.log(writeHeapSnapshot(`${folder}/after-lock${keep ? '-kept' : ''}.heapsnapshot`));
if (kept.length === 0) console.error('nothing kept');
services.close();

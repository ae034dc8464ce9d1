// Child process for the crash test: unlocks a vault and commits one excerpt per transaction, forever,
// printing each counter only after its commit returned. The parent kills it with SIGKILL mid-loop.
// node writer.ts <location> <passphrase> <kdf> <sourceId>
import { Vault } from '../../../../src/main/vault/vault.ts';

const [location, passphrase, kdf, sourceId] = process.argv.slice(2) as [string, string, string, string];
const vault = new Vault({ location, kdf: JSON.parse(kdf) });
await vault.unlock(passphrase);
const store = vault.store();
console.log('ready');
for (let n = 1; ; n++) {
  // Some bulk per commit so a kill can land mid-write, not only between commits.
  store.excerpts.add({ sourceId, exact: `commit ${n}`, start: n, end: n + 8, note: `counter ${n} `.repeat(200) });
  process.stdout.write(`${n}\n`);
  if (n % 25 === 0) await new Promise((resolve) => setImmediate(resolve)); // let stdout flush
}

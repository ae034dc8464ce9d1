// Child process for the rotation and backup crash tests: unlocks a vault, says "ready", then either
// re-encrypts it under a new passphrase or writes a backup, and says "done". The parent kills it
// with SIGKILL at a random moment.
// node rotator.ts <location> <passphrase> <kdf> rotate <new passphrase>
// node rotator.ts <location> <passphrase> <kdf> backup <folder>
import { Vault } from '../../../../src/main/vault/vault.ts';

const [location, passphrase, kdf, task, arg] = process.argv.slice(2) as [string, string, string, string, string];
const vault = new Vault({ location, kdf: JSON.parse(kdf) });
await vault.unlock(passphrase);
console.log('ready');
if (task === 'rotate') await vault.rotateKeys(passphrase, arg);
else await vault.backup(arg);
console.log('done');
vault.lock();

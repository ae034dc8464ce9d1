// Child process for the "second process" test: tries to unlock a vault and reports the outcome as
// one JSON line on stdout. Run with type stripping: node open-vault.ts <location> <passphrase> <kdf>.
import { Vault } from '../../../../src/main/vault/vault.ts';

const [location, passphrase, kdf] = process.argv.slice(2) as [string, string, string];
const vault = new Vault({ location, kdf: JSON.parse(kdf) });
try {
  await vault.unlock(passphrase);
  const excerpts = vault.store().excerpts.searchText('market');
  console.log(JSON.stringify({ ok: true, excerpts: excerpts.length }));
  vault.lock();
} catch (error) {
  console.log(JSON.stringify({ ok: false, code: (error as { code?: string }).code ?? String(error) }));
}

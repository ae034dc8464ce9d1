// The sample dossier: opening it as a worked example (built through this same API table, on the
// sample vault), leaving it, and copying its public sources into the person's own vault.
import type { Method, Params, Result } from '../../shared/api.ts';
import { copySampleSources, ownDossiers } from '../sample-copy.ts';
import { fillWorkedExample } from '../sample-example.ts';
import type { Vault } from '../vault/vault.ts';
import { handlers } from './index.ts';
import { type Context, call, type Handlers } from './registry.ts';

/** The API table on the sample vault, while it is built and before anyone sees it. */
function onSample(ctx: Context, vault: Vault) {
  const services = { ...ctx.services, vault };
  return <M extends Method>(method: M, params: Params<M>): Promise<Result<M>> =>
    call(handlers, method, params, { ...ctx, services });
}

export const sampleHandlers = {
  'sample.explore': async (_params, ctx) => {
    await ctx.services.sample.explore((vault, dossierId) => fillWorkedExample(onSample(ctx, vault), dossierId));
    return ctx.services.status();
  },
  'sample.leave': (_params, { services }) => {
    services.sample.leave();
    return services.status();
  },
  'sample.ownDossiers': ({ passphrase }, { services }) =>
    services.sample.withOwnVault(passphrase, async (vault) => ownDossiers(vault.store())),
  'sample.copySources': ({ passphrase, into }, { services }) =>
    services.sample.withOwnVault(passphrase, (vault) => copySampleSources(vault, services.sample.documents, into)),
} satisfies Partial<Handlers>;

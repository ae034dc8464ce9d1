import { FormattedMessage } from 'react-intl';
import type { VaultStatus } from '../../../../shared/api.ts';
import { lockVault } from '../../api/lock.ts';
import { requestSampleAfterLock } from '../vault/sampleRequest.ts';

/** Help: how the work goes, and the sample dossier to see it done. */
export function HelpPage({ status }: { status: VaultStatus }) {
  return (
    <section className="help-page" aria-labelledby="help-title">
      <h1 id="help-title">
        <FormattedMessage id="help.title" defaultMessage="Help" />
      </h1>
      <section className="card" aria-labelledby="help-sample">
        <h2 id="help-sample">
          <FormattedMessage id="help.sample.title" defaultMessage="The sample dossier: a finished piece of work" />
        </h2>
        <p>
          <FormattedMessage
            id="help.sample.body"
            defaultMessage="Public documents about freedom of association in Kazakhstan, and one fictional field note, read and coded: excerpts with notes and codes, entities (one person protected by a pseudonym) and a UPR submission draft whose every paragraph is cited, that passes the checks and exports to Word with the pseudonym in place of the name. From the sample you can copy its public sources into your own vault."
          />
        </p>
        {status.sample ? (
          <p className="hint">
            <FormattedMessage
              id="help.sample.inside"
              defaultMessage="You are in the sample now: open the dossier from Dossiers."
            />
          </p>
        ) : (
          <>
            <p className="hint">
              <FormattedMessage
                id="help.sample.howItOpens"
                defaultMessage="Your vault locks first (what you were writing is saved); the sample opens in its own temporary vault and is deleted when you leave it. Then unlock your vault again."
              />
            </p>
            <button
              type="button"
              onClick={() => {
                requestSampleAfterLock();
                void lockVault();
              }}
            >
              <FormattedMessage id="help.sample.open" defaultMessage="Lock my vault and open the sample" />
            </button>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="help-steps">
        <h2 id="help-steps">
          <FormattedMessage id="help.steps.title" defaultMessage="How the work goes" />
        </h2>
        <ol>
          <li>
            <FormattedMessage
              id="help.steps.dossier"
              defaultMessage="Create a dossier for a country and a review, and import its documents (PDF, Word, web pages, text)."
            />
          </li>
          <li>
            <FormattedMessage
              id="help.steps.read"
              defaultMessage="Read each source and mark excerpts: give each a note, codes, the persons and organisations it names."
            />
          </li>
          <li>
            <FormattedMessage
              id="help.steps.pseudonyms"
              defaultMessage="Give every person who must not be named a pseudonym under Entities."
            />
          </li>
          <li>
            <FormattedMessage
              id="help.steps.draft"
              defaultMessage="Write the submission under Drafts, citing excerpts: the footnotes are made for you."
            />
          </li>
          <li>
            <FormattedMessage
              id="help.steps.export"
              defaultMessage="Run the checks, then export to Word with redaction."
            />
          </li>
        </ol>
      </section>
    </section>
  );
}

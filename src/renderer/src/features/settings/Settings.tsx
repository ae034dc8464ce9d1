import { type FormEvent, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { vaultApi } from '../../../../shared/api/vault.ts';
import type { TaskProgress, VaultStatus, VerifyReport } from '../../../../shared/api.ts';
import { UprightError } from '../../../../shared/errors.ts';
import { subscribe } from '../../api/client.ts';
import { useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { TeamSettings } from '../bundles/TeamSettings.tsx';
import { AboutVault } from './AboutVault.tsx';
import { ChangePassphrase, NewRecoveryKey } from './Keys.tsx';
import { LanguageSetting } from './LanguageChoice.tsx';

function AutoLockSetting({ minutes, onSaved }: { minutes: number; onSaved: (m: number) => void }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [value, setValue] = useState(String(minutes));
  const [invalid, setInvalid] = useState(false);
  const update = useApiMutation('settings.update', { onSuccess: (settings) => onSaved(settings.autoLockMinutes) });
  useEffect(() => setValue(String(minutes)), [minutes]);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.reset();
    // The same rule the API applies, checked here to say it in the person's words.
    const params = vaultApi['settings.update'].params.safeParse({ autoLockMinutes: Number(value) });
    setInvalid(!params.success || value.trim() === '');
    if (params.success && value.trim() !== '') update.mutate(params.data);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="autolock-title" noValidate>
      <h2 id="autolock-title">
        <FormattedMessage id="settings.autoLock.title" defaultMessage="Auto-lock" />
      </h2>
      <p className="hint">
        <FormattedMessage
          id="settings.autoLock.hint"
          defaultMessage="The vault also locks when the computer sleeps or its screen locks, and with Ctrl+L (⌘L)."
        />
      </p>
      <div className="field inline">
        <label htmlFor="autolock-minutes">
          <FormattedMessage
            id="settings.autoLock.label"
            defaultMessage="Lock after this many minutes without activity"
          />
        </label>
        <input
          id="autolock-minutes"
          type="number"
          min={1}
          max={240}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit">
          <FormattedMessage id="settings.save" defaultMessage="Save" />
        </button>
      </div>
      <ErrorNote
        message={
          invalid
            ? intl.formatMessage(
                {
                  id: 'settings.autoLock.invalid',
                  defaultMessage: 'Enter a whole number of minutes from {min} to {max}.',
                },
                { min: 1, max: 240 },
              )
            : update.error
              ? errorText(update.error)
              : null
        }
      />
      {update.isSuccess && (
        <p className="ok-note" role="status">
          <FormattedMessage id="settings.saved" defaultMessage="Saved." />
        </p>
      )}
    </form>
  );
}

function AuditWords({ audit }: { audit: VerifyReport['audit'] }) {
  if (audit.brokenAtSeq !== null)
    return (
      <FormattedMessage
        id="settings.verify.auditBroken"
        defaultMessage="chain broken at entry {seq}"
        values={{ seq: audit.brokenAtSeq }}
      />
    );
  if (!audit.headOk)
    return (
      <FormattedMessage
        id="settings.verify.auditHead"
        defaultMessage="entries are missing at the end, or the log was rebuilt"
      />
    );
  return <FormattedMessage id="settings.verify.auditIntact" defaultMessage="chain intact" />;
}

/** The running verify or backup as main reports it (task.progress); null when none runs. */
function useVaultTask(): TaskProgress | null {
  const [task, setTask] = useState<TaskProgress | null>(null);
  useEffect(() => subscribe('task.progress', (progress) => setTask(progress.finished ? null : progress)), []);
  return task;
}

/** What the task is doing now, in words: the step, and how far it is when that can be counted. */
function TaskStepWords({ task }: { task: TaskProgress }) {
  const intl = useIntl();
  const megabytes = (bytes: number) =>
    intl.formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 });
  switch (task.step) {
    case 'pages':
      return task.background ? (
        <FormattedMessage
          id="settings.task.pagesBackground"
          defaultMessage="Checking the vault in the background (Upright was idle): reading every page of the database…"
        />
      ) : (
        <FormattedMessage id="settings.task.pages" defaultMessage="Reading every page of the database…" />
      );
    case 'audit':
      return <FormattedMessage id="settings.task.audit" defaultMessage="Following the audit log…" />;
    case 'originals':
      return (
        <FormattedMessage
          id="settings.task.originals"
          defaultMessage="Checking stored originals: {done, number} of {total, number}"
          values={{ done: task.done, total: task.total }}
        />
      );
    case 'copy':
      return task.total > 0 ? (
        <FormattedMessage
          id="settings.task.copy"
          defaultMessage="Writing the encrypted copy: {done} of {total}"
          values={{ done: megabytes(task.done), total: megabytes(task.total) }}
        />
      ) : (
        <FormattedMessage id="settings.task.copyStart" defaultMessage="Writing the encrypted copy…" />
      );
    case 'check':
      return <FormattedMessage id="settings.task.check" defaultMessage="Checking the copy before calling it done…" />;
  }
}

/** A bar with what is being done and a Cancel button, while a verify or backup runs. */
function TaskBar({ task, pending }: { task: TaskProgress | null; pending: 'verify' | 'backup' | null }) {
  const intl = useIntl();
  const cancel = useApiMutation('vault.cancelTask');
  const kind = task?.task ?? pending;
  const { reset } = cancel;
  // The next task starts with a fresh Cancel button.
  useEffect(() => {
    if (!kind) reset();
  }, [kind, reset]);
  if (!kind) return null;
  const counted = task && task.total > 0;
  return (
    <div className="progress task-progress" role="status" aria-live="polite" data-testid="task-progress">
      <progress
        {...(counted ? { max: task.total, value: task.done } : {})}
        aria-label={intl.formatMessage(
          {
            id: 'settings.task.label',
            defaultMessage: '{task, select, backup {Backup progress} other {Verification progress}}',
          },
          { task: kind },
        )}
      />
      <span>
        {cancel.isPending || cancel.data?.cancelled ? (
          <FormattedMessage id="settings.task.cancelling" defaultMessage="Cancelling…" />
        ) : task ? (
          <TaskStepWords task={task} />
        ) : (
          <FormattedMessage id="settings.task.starting" defaultMessage="Starting…" />
        )}
      </span>
      <button type="button" onClick={() => cancel.mutate({})} disabled={cancel.isPending}>
        <FormattedMessage id="settings.task.cancel" defaultMessage="Cancel" />
      </button>
    </div>
  );
}

function BackupAndVerify() {
  const intl = useIntl();
  const errorText = useErrorText();
  const backup = useApiMutation('vault.backup');
  const verify = useApiMutation('vault.verify');
  const task = useVaultTask();
  const pending = backup.isPending ? 'backup' : verify.isPending ? 'verify' : null;
  const busy = pending !== null;
  const error = backup.error ?? verify.error;
  // A cancel the person asked for is news, not a failure.
  const cancelled = error instanceof UprightError && error.code === 'TASK_CANCELLED';
  const failure = cancelled ? null : error;
  const report = verify.data;

  return (
    <section className="card" aria-labelledby="safety-title">
      <h2 id="safety-title">
        <FormattedMessage id="settings.backup.title" defaultMessage="Backup and verification" />
      </h2>
      <p className="hint">
        <FormattedMessage
          id="settings.backup.hint"
          defaultMessage="A backup is an encrypted copy of the whole vault. Keep it on a separate drive."
        />
      </p>
      <div className="actions">
        <button type="button" onClick={() => backup.mutate({})} disabled={busy}>
          {backup.isPending ? (
            <FormattedMessage id="settings.backup.busy" defaultMessage="Backing up…" />
          ) : (
            <FormattedMessage id="settings.backup.run" defaultMessage="Back up now…" />
          )}
        </button>
        <button type="button" onClick={() => verify.mutate({})} disabled={busy}>
          {verify.isPending ? (
            <FormattedMessage id="settings.verify.busy" defaultMessage="Verifying…" />
          ) : (
            <FormattedMessage id="settings.verify.run" defaultMessage="Verify vault" />
          )}
        </button>
      </div>
      <TaskBar task={task} pending={pending} />
      {cancelled && (
        <p className="hint" role="status" data-testid="task-cancelled">
          {errorText(error)}
        </p>
      )}
      <ErrorNote message={failure ? errorText(failure) : null} />
      {backup.data && (
        <p className="ok-note" role="status">
          <FormattedMessage
            id="settings.backup.written"
            defaultMessage="Encrypted backup written to {location} ({size}). It opens with your current passphrase and recovery key."
            values={{
              location: backup.data.location,
              size: intl.formatNumber(backup.data.bytes / 1000, {
                style: 'unit',
                unit: 'kilobyte',
                maximumFractionDigits: 0,
              }),
            }}
          />
        </p>
      )}
      {report && (
        <div role="status" className={report.ok ? 'ok-note' : 'error-note'} data-testid="verify-report">
          <p>
            <strong>
              {report.ok ? (
                <FormattedMessage id="settings.verify.ok" defaultMessage="Everything is intact." />
              ) : (
                <FormattedMessage id="settings.verify.problems" defaultMessage="Problems were found." />
              )}
            </strong>
          </p>
          <ul>
            <li>
              {report.integrity.length === 1 && report.integrity[0] === 'ok' ? (
                <FormattedMessage id="settings.verify.integritySound" defaultMessage="Database integrity: sound" />
              ) : (
                // SQLite's own diagnostics, as it wrote them: for whoever repairs the file.
                <FormattedMessage
                  id="settings.verify.integrity"
                  defaultMessage="Database integrity: {lines}"
                  values={{ lines: report.integrity.join('; ') }}
                />
              )}
            </li>
            <li>
              <FormattedMessage
                id="settings.verify.audit"
                defaultMessage="Audit log: {entries, plural, one {# entry} other {# entries}}, {state}"
                values={{ entries: report.audit.entries, state: <AuditWords audit={report.audit} /> }}
              />
            </li>
            <li>
              {report.originals.unreadable ? (
                <FormattedMessage
                  id="settings.verify.originalsUnreadable"
                  defaultMessage="Stored originals: they could not be read."
                />
              ) : (
                <FormattedMessage
                  id="settings.verify.originals"
                  defaultMessage="Stored originals: {checked, number} checked, {changed, number} changed"
                  values={{ checked: report.originals.checked, changed: report.originals.mismatched.length }}
                />
              )}
            </li>
            {report.originals.mismatched.map((m) => (
              <li key={m.sourceId}>
                <FormattedMessage
                  id="settings.verify.changedSource"
                  defaultMessage="Changed since import: {title}"
                  values={{ title: m.title }}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function Settings({
  status,
  onAutoLockChanged,
}: {
  status: VaultStatus;
  onAutoLockChanged: (m: number) => void;
}) {
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">
        <FormattedMessage id="shell.area.settings" defaultMessage="Settings" />
      </h1>
      <div className="cards">
        <LanguageSetting />
        <AboutVault status={status} />
        <AutoLockSetting minutes={status.autoLockMinutes} onSaved={onAutoLockChanged} />
        <BackupAndVerify />
        <ChangePassphrase />
        <NewRecoveryKey />
        <TeamSettings />
      </div>
    </section>
  );
}

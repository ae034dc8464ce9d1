// Reads a secret from the terminal without echoing it. Scripts set UPRIGHT_PASSPHRASE instead.
import { UprightError } from '../shared/errors.ts';

export async function promptSecret(question: string, envName?: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const what = /new passphrase/i.test(question)
      ? 'new_passphrase'
      : /recovery key/i.test(question)
        ? 'recovery_key'
        : 'passphrase';
    throw new UprightError('CLI_SECRET_NEEDED', { what, env: envName ?? 'none' });
  }
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          return resolve(value);
        }
        if (ch === '\u0003') {
          done();
          return reject(new UprightError('CANCELLED'));
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

/** The secret from an environment variable when set (scripts), else from a hidden prompt. */
export async function secretFrom(envName: string, question: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return promptSecret(question, envName);
}

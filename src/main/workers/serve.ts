// The worker side of run.ts: a worker entry calls serveTasks with the functions it offers; the parent
// posts requests naming one, one at a time, and each result (or error, as data) is posted back.
import { parentPort } from 'node:worker_threads';
import { UprightError } from '../../shared/errors.ts';
import type { WorkerReply, WorkerRequest } from './run.ts';

// biome-ignore lint/suspicious/noExplicitAny: each task declares its own input type.
export type Tasks = Record<string, (input: any) => unknown>;

export function serveTasks(tasks: Tasks): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs only inside a worker thread');
  port.on('message', async ({ id, task, input }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const run = tasks[task];
      if (!run) throw new Error(`unknown worker task ${task}`);
      reply = { id, ok: true, value: await run(input) };
    } catch (error) {
      // Only our code and its params cross: a parser's message may quote the file.
      reply =
        error instanceof UprightError
          ? { id, ok: false, error: { code: error.code, params: error.params, name: error.name } }
          : { id, ok: false, error: { code: null, params: {}, name: (error as Error)?.name ?? 'Error' } };
    }
    // A task answering an ArrayBuffer (a packed result) hands it over instead of copying it.
    port.postMessage(reply, reply.ok && reply.value instanceof ArrayBuffer ? [reply.value] : []);
  });
}

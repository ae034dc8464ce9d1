import { z } from 'zod';
import { method, NoParams } from './method.ts';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** The runtime the services run in: Electron's Node, or plain Node for the CLI and test bridge. */
  runtime: z.enum(['electron', 'node']),
  node: z.string(),
  electron: z.string().nullable(),
  sqlcipher: z.string().nullable(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appApi = {
  'app.info': method({
    summary: 'Version of Upright and of the runtime it runs in.',
    params: NoParams,
    result: AppInfo,
  }),
};

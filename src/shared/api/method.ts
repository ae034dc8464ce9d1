import { z } from 'zod';

/** One entry of the API table: what it does, what it takes, what it gives back. */
export function method<P extends z.ZodType, R extends z.ZodType>(spec: { summary: string; params: P; result: R }) {
  return spec;
}

export const NoParams = z.object({}).strict();

import type { z } from 'zod';

/** Bad input a user can fix: its message is shown as is, and nothing was written. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
  throw new InputError(`Invalid ${what}${where}: ${issue.message}`);
}

/** Part of an action was saved and the rest failed: its message says which, and is shown as is. */
export class PartialFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartialFailure';
  }
}

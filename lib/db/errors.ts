import type { z } from 'zod';

/** Bad input a user can fix: its message is shown as is, and nothing was written. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The value as `schema` reads it; else the first problem's own message, which says what to fix in the user's words. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(result.error.issues[0]!.message);
}

/** Part of an action was saved and the rest failed: its message says which, and is shown as is. */
export class PartialFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartialFailure';
  }
}

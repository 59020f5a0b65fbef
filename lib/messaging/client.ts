import { sendRuntimeMessage } from '../platform/runtime';
import type { Envelope, MessageType, Payload, Reply } from './protocol';

/** Sends a message to the background. Type-only imports keep zod out of content scripts. */
export function request<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> {
  const message: Envelope<T> = { type, payload };
  return sendRuntimeMessage<Reply<T>>(message);
}

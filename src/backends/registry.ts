import type { CommentsBackend } from './backend.js';
import { MemoryBackend } from './memory/memory-backend.js';

/** Backends an element can name in its `backend` attribute. */
export type BackendName = 'memory';

let sharedMemory: MemoryBackend | undefined;

/**
 * The backend a name stands for, or undefined for a name that is not known. Every element that
 * names `memory` shares one in-page store, so a count and a thread agree.
 */
export function backendNamed(name: string): CommentsBackend | undefined {
  if (name === 'memory') return (sharedMemory ??= new MemoryBackend());
  return undefined;
}

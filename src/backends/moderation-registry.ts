import type { MemoryBackend } from './memory/memory-backend.js';
import type { ModerationBackend } from './moderation.js';
import { ModerationClient } from './rest/moderation-client.js';

/** Backends the moderation console can name in its `backend` attribute. */
export type ModerationBackendName = 'rest' | 'memory';

/**
 * The moderation backend a name stands for, for one token: the reference server's routes at
 * `endpoint`, or the in-page store that every `backend="memory"` reader element on the page shares
 * (so a demonstration can be moderated where it is read). `memory` is fetched only when asked for;
 * until it is here, each call waits for it.
 */
export function namedModerationBackend(name: ModerationBackendName, endpoint: string, token: string): ModerationBackend {
  if (name !== 'memory') return new ModerationClient({ endpoint, token });
  const loading = Promise.all([
    import('./registry.js').then((registry) => registry.namedBackend('memory', '')),
    import('./memory/memory-moderation.js'),
  ]).then(([memory, module]) => new module.MemoryModeration(memory as MemoryBackend, token));
  // Every method of a ModerationBackend returns a promise, so each can wait for the module first.
  return new Proxy({} as ModerationBackend, {
    get:
      (_, method: keyof ModerationBackend) =>
      async (...args: unknown[]) => {
        const backend = await loading;
        return (backend[method] as (...a: unknown[]) => Promise<unknown>).apply(backend, args);
      },
  });
}

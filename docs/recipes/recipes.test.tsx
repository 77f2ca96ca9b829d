// Runs the React recipe as a reader would meet it. (The plain HTML recipe runs in test/recipes.test.ts.)
import { createRoot } from 'react-dom/client';
import { act } from 'react';
import { afterEach, expect, test } from 'vitest';
import { MemoryBackend } from 'civic-comments';
import { CommentsSection } from './CommentsSection';

const until = async (check: () => unknown, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

// Lets React's act() wait for renders and effects, as its testing guidance asks.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => document.body.replaceChildren());

test('React 19: the backend goes in as a property and the submitted event reaches React', async () => {
  const backend = new MemoryBackend({ page: '/react-recipe', comments: [{ section: 'intro', name: 'Alice', body: 'First.' }] });
  const container = document.body.appendChild(document.createElement('div'));
  await act(async () => createRoot(container).render(<CommentsSection section="intro" backend={backend} />));
  const thread = container.querySelector('civic-comments')!;
  expect((thread as unknown as { backend: unknown }).backend).toBe(backend);
  const root = thread.shadowRoot!;
  await until(() => root.querySelector('[part=heading]')?.textContent?.trim() === '1 comment', 'the thread');
  for (const [field, value] of [
    ['name', 'Ada'],
    ['email', 'ada@example.com'],
    ['body', 'From React.'],
  ]) {
    const input = root.querySelector<HTMLInputElement>(`#${field}`)!;
    input.value = value!;
    input.dispatchEvent(new Event('input'));
  }
  root.querySelector<HTMLInputElement>('#visibility-public')!.click();
  await act(async () => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
  await until(() => container.querySelector('[role=status]'), 'React to hear the event');
  expect(container.querySelector('[role=status]')!.textContent).toBe('Thank you: your comment is pending.');
});

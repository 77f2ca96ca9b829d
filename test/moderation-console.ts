import { fixture, html, waitUntil } from '@open-wc/testing';
import '../src/moderation.js';
import type { CivicModeration } from '../src/moderation.js';
import { $, shadow, textOf } from './helpers.js';
import { referenceServer } from './reference-server.js';

/** Sends comments to the reference server as readers would; resolves to their ids, in order. */
export async function post(page: string, count: number, overrides: object = {}): Promise<string[]> {
  const { url } = await referenceServer();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        page,
        section: 'intro',
        name: `Reader ${i}`,
        email: `reader${i}@example.com`,
        body: `Comment ${i}`,
        visibility: 'public',
        ...overrides,
      }),
    });
    ids.push((await response.json()).comment?.id);
  }
  return ids;
}

/** The console on the reference server, signed out. */
export async function moderationConsole(): Promise<CivicModeration> {
  return fixture<CivicModeration>(html`<civic-moderation endpoint=${(await referenceServer()).url}></civic-moderation>`);
}

/** Signs in with the token typed into the field, and waits for the queue (or the refusal). */
export async function signIn(el: CivicModeration, token?: string): Promise<void> {
  $<HTMLInputElement>(el, '#token').value = token ?? (await referenceServer()).moderatorToken;
  $(el, '[part=sign-in] button[type=submit]').click();
  await el.updateComplete;
  await waitUntil(
    () =>
      !textOf(shadow(el)).includes('Loading comments') &&
      (shadow(el).querySelector('[part=queue]') || shadow(el).querySelector('.error-summary')),
    'signing in never finished',
  );
  await el.updateComplete;
}

/** A button of the console by its words. */
export const button = (scope: Element | ShadowRoot, text: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === text)!;

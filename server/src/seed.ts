import type { Storage } from './storage/storage.js';

/** A few comments for the demonstration page, so that a newcomer sees a living consultation. */
export async function seedDemo(storage: Storage, page = 'library-strategy'): Promise<number> {
  if (Object.keys(await storage.countPublished(page)).length) return 0;
  const add = async (section: string, name: string, body: string, parentId: string | null = null) => {
    const result = await storage.create({ page, section, parentId, name, email: 'demo@example.com', body, visibility: 'public', status: 'published' });
    if (result.kind !== 'created') throw new Error('Seeding failed.');
    return result.comment.id;
  };
  const first = await add('opening-hours', 'Priya Shah', 'Evening opening would let me bring my children after school.\nSaturday mornings matter too.');
  const reply = await add('opening-hours', 'Gareth Evans', 'Agreed. Closing on Monday mornings seems a fair trade.', first);
  await add('opening-hours', 'Library user', 'Monday mornings are when the job club meets at our branch, so please keep at least one branch open.', reply);
  await add('digital-lending', 'Tom Okafor', 'Lending tablets with data is a great idea for people who cannot afford broadband.');
  return 4;
}

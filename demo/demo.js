// The offline demonstration: every count and thread on the page shares one in-page backend, seeded
// so that there is a conversation to show. The consultation starts on `backend="memory"` (empty)
// and its elements move to this one as soon as it is made. A real page sets `endpoint` instead and
// talks to a server.
import { loadMemoryBackend } from '/dist/civic-comments.js';

const { MemoryBackend } = await loadMemoryBackend();

const page = 'library-strategy';
const hoursAgo = (hours) => new Date(Date.now() - hours * 3_600_000).toISOString();

const backend = new MemoryBackend({
  page,
  moderation: 'pre',
  comments: [
    {
      id: 'h1',
      section: 'opening-hours',
      name: 'Priya Shah',
      body: 'Evening opening would let me bring my children after school.\nSaturday mornings matter too.',
      createdAt: hoursAgo(50),
    },
    {
      id: 'h2',
      section: 'opening-hours',
      parentId: 'h1',
      name: 'Gareth Evans',
      body: 'Agreed. Closing on Monday mornings seems a fair trade.',
      createdAt: hoursAgo(30),
    },
    {
      id: 'h3',
      section: 'opening-hours',
      parentId: 'h2',
      name: 'Library user',
      body: 'Monday mornings are when the job club meets at our branch, so please keep at least one branch open.',
      createdAt: hoursAgo(6),
    },
    {
      id: 'd1',
      section: 'digital-lending',
      name: 'Tom Okafor',
      body: 'Lending tablets with data is a great idea for people who cannot afford broadband.',
      createdAt: hoursAgo(20),
    },
  ],
});

document.querySelector('civic-consultation').backend = backend;

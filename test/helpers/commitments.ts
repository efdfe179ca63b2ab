import type { Commitment } from '../../src/engine/records.js';

/** `count` open event commitments, numbered from 1, for tests of long lists and full Home tabs. */
export const openEvents = (count: number, title = (n: number) => `Meetup ${n}`): Commitment[] =>
  Array.from({ length: count }, (_, i) => ({
    kind: 'event',
    id: `k${i + 1}`,
    jobId: `j${i + 1}`,
    createdAt: '2026-11-20T10:00:00.000Z',
    date: '2026-12-04',
    title: title(i + 1),
    status: 'open',
  }));

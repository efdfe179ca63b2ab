import { type Job, JobSchema, type MemberRef, memberKey } from '../core/types.js';
import type { Logger } from '../log.js';
import type { Store } from './open.js';
import { readAll } from './scan.js';

/** Durable follow-ups: stored until a tick hands them to the engine, so they survive restarts. */
export function createJobs(store: Store, log: Logger) {
  const jobs = store.spaces.job;
  return {
    async schedule(job: Job): Promise<void> {
      await jobs.set(job.id, job);
    },
    async get(id: string): Promise<Job | undefined> {
      const parsed = JobSchema.safeParse(await jobs.get(id));
      return parsed.success ? parsed.data : undefined;
    },
    /** Jobs due at `now`, oldest first. A record that does not parse is reported and skipped. */
    async due(now: Date): Promise<Job[]> {
      const found: Job[] = [];
      for (const [key, value] of await readAll(jobs)) {
        const parsed = JobSchema.safeParse(value);
        if (!parsed.success) log.error({ key }, 'unreadable job skipped');
        else if (Date.parse(parsed.data.due) <= now.getTime()) found.push(parsed.data);
      }
      return found.sort((a, b) => a.due.localeCompare(b.due));
    },
    /** Every job about the member, also ones their record no longer lists. */
    async of(member: MemberRef): Promise<Job[]> {
      const key = memberKey(member);
      const found: Job[] = [];
      for (const [, value] of await readAll(jobs)) {
        const parsed = JobSchema.safeParse(value);
        if (parsed.success && memberKey(parsed.data.member) === key) found.push(parsed.data);
      }
      return found;
    },
    async remove(ids: string[]): Promise<void> {
      await Promise.all(ids.map((id) => jobs.delete(id)));
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;

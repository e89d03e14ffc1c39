/**
 * The scheduler's digest work: `digest.leadHours` (default 24) before each meeting, the digest
 * is posted as a new thread in the forum's channel. Late after downtime, never after the start;
 * a moved meeting gets a new key, a cancelled one is no longer offered.
 */
import { pick, type Forum } from '../../domain/registry';
import { t, type Locale } from '../../i18n';
import type { ConversationDirectory } from '../../ports/conversation-directory';
import type { DeliveryRecord, SendQueue } from '../delivery';
import type { DigestService } from '../digest';
import type { MeetingService } from '../meetings';
import type { ServedRegistry } from '../served-registry';
import type { Job, JobSource } from '../../scheduler';
import type { DigestDesk } from './digest-desk';

const HOUR = 60 * 60 * 1000;

export interface DigestJobDeps {
  readonly registry: () => ServedRegistry | undefined;
  readonly meetings: MeetingService;
  readonly digests: DigestService;
  readonly desk: DigestDesk;
  readonly conversations: ConversationDirectory;
  readonly queue: SendQueue;
  readonly locale: Locale;
  /** Tells the forum's secretaries, 1:1, what went wrong. */
  readonly tellSecretaries: (forum: Forum, text: (locale: Locale) => string) => Promise<void>;
}

export function digestJobs(deps: DigestJobDeps): JobSource {
  return {
    name: 'digests',
    due: async (now) => {
      const served = deps.registry();
      if (!served) return [];
      const jobs: Job[] = [];
      for (const forum of served.index.registry.forums) {
        const channel = forum.teams?.channelId ?? forum.teams?.conversationId;
        if (!channel || !(await deps.desk.postingEnabled(forum.id))) continue;
        const listed = await deps.meetings.list(forum.id);
        if (!listed.ok) continue;
        const lead = (forum.digest?.leadHours ?? 24) * HOUR;
        for (const meeting of listed.value) {
          const start = Date.parse(meeting.start);
          if (meeting.cancelled || start <= now || start - lead > now) continue;
          jobs.push(job(deps, forum, channel, meeting.id, start, lead));
        }
      }
      return jobs;
    },
  };
}

function job(
  deps: DigestJobDeps,
  forum: Forum,
  channel: string,
  meetingId: string,
  start: number,
  lead: number,
): Job {
  const key = `digest:${forum.id}:${meetingId}:${start}`;
  const name = (locale: Locale): string => pick(forum.name, locale);
  return {
    key,
    dueAt: start - lead,
    notAfter: start,
    missed: () =>
      deps.tellSecretaries(forum, (locale) => t(locale, 'digest.delivery.missed', { forum: name(locale) })),
    run: async () => {
      const ref = await deps.conversations.findByTeamsChannel(channel);
      if (!ref) {
        await deps.tellSecretaries(forum, (locale) =>
          t(locale, 'digest.delivery.noChannel', { forum: name(locale) }),
        );
        return;
      }
      const built = await deps.digests.build({ forumId: forum.id, meetingId });
      if (!built.ok) return;
      const reply = await deps.desk.render(built.value, deps.locale);
      const record: DeliveryRecord = await deps.queue.deliver({
        id: key,
        ref,
        message: {
          text: reply.text,
          ...(reply.card ? { card: reply.card } : {}),
          newThread: ref.conversationType === 'channel',
          locale: deps.locale,
        },
        forumId: forum.id,
        kind: 'digest',
      });
      if (record.status === 'failed')
        throw new Error(`digest delivery failed: ${record.reason ?? record.lastStatus}`);
      if (record.status !== 'delivered') {
        const reason = record.reason ?? String(record.lastStatus);
        await deps.tellSecretaries(forum, (locale) =>
          t(locale, 'digest.delivery.failed', { forum: name(locale), reason }),
        );
      }
    },
  };
}

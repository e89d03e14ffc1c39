/** `toimitukset`: the final status of each proactive post of a forum, for its secretaries. */
import { DateTime } from 'luxon';
import { canLog } from '../../domain/actions';
import { pick } from '../../domain/registry';
import { t, type Locale } from '../../i18n';
import type { DeliveryRecords } from '../delivery';
import type { Reply } from '../reply';
import type { ServedRegistry } from '../served-registry';
import type { DigestActor } from './digest-desk';

export async function deliveriesReply(
  records: DeliveryRecords,
  served: ServedRegistry | undefined,
  actor: DigestActor,
): Promise<Reply> {
  const { locale } = actor;
  const person =
    served && actor.aadObjectId ? served.index.personByAadObjectId(actor.aadObjectId) : undefined;
  const channelForum =
    served && actor.teamsChannelId ? served.questions.forumByChannel(actor.teamsChannelId) : undefined;
  const forum =
    channelForum ?? (person ? served?.index.registry.forums.find((f) => canLog(person, f).ok) : undefined);
  if (!served || !forum || !canLog(person, forum).ok) return { locale, text: t(locale, 'actions.noForum') };
  const list = await records.listByForum(forum.id, { limit: 20 });
  const lines = [t(locale, 'deliveries.title', { forum: pick(forum.name, locale) })];
  if (list.length === 0) lines.push(t(locale, 'deliveries.none'));
  for (const record of list) {
    const time = DateTime.fromMillis(record.finishedAt, { zone: served.registry.timeZone })
      .setLocale(locale)
      .toFormat('d.M.yyyy HH:mm');
    lines.push(
      `• ${t(locale, 'deliveries.line', {
        time,
        kind: record.kind ?? '–',
        status: t(locale, `deliveries.status.${record.status}` as never),
        attempts: record.attempts,
        reason:
          record.status === 'delivered'
            ? ''
            : ` (${record.lastStatus}${record.reason ? `: ${record.reason.slice(0, 80)}` : ''})`,
      })}`,
    );
  }
  return { locale, text: lines.join('\n') };
}

export type { Locale };

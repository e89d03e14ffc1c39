/** `kokous` / `möte` / `meeting`: a forum's meetings in chat; secretaries add, move and cancel. */
import { DateTime } from 'luxon';
import { formatTimeRange } from '../../../cards/format';
import type { MeetingPayload } from '../../../cards/meeting-verbs';
import { meetingsCard, meetingsText, type MeetingLine } from '../../../cards/meetings.card';
import { canLog } from '../../domain/actions';
import type { ForumMeeting } from '../../domain/meetings';
import { pick, type Forum } from '../../domain/registry';
import { t, translator, type Locale } from '../../i18n';
import { digestTranslator } from '../../i18n/digest-messages';
import { meetingFailureText, type MeetingService } from '../meetings';
import type { Reply } from '../reply';
import type { ServedRegistry } from '../served-registry';
import type { DigestActor } from './digest-desk';

export class MeetingDesk {
  constructor(
    private readonly meetings: MeetingService,
    private readonly registry: () => ServedRegistry | undefined,
    private readonly now: () => number,
  ) {}

  async command(actor: DigestActor): Promise<Reply> {
    const forum = this.forumOf(actor);
    if (!forum) return { locale: actor.locale, text: t(actor.locale, 'actions.noForum') };
    return this.view(actor, forum);
  }

  async cardAction(actor: DigestActor, payload: MeetingPayload): Promise<Reply> {
    const served = this.registry();
    const forum = served?.index.forumsById.get(payload.forumId);
    if (!served || !forum) return { locale: actor.locale, text: t(actor.locale, 'actions.noForum') };
    const aad = actor.aadObjectId ?? '';
    const tr = digestTranslator(actor.locale);
    const tz = served.registry.timeZone;
    const when = (m: ForumMeeting): string => formatTimeRange(m.start, m.end, tz, actor.locale);
    if (payload.verb === 'meetings.add.v1') {
      const agenda = (payload.agenda ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const outcome = await this.meetings.add(aad, {
        forumId: forum.id,
        title: payload.title,
        start: `${payload.date}T${payload.start}`,
        end: `${payload.date}T${payload.end}`,
        ...(payload.location ? { location: payload.location } : {}),
        ...(agenda.length > 0 ? { agenda } : {}),
      });
      if (!outcome.ok)
        return { locale: actor.locale, text: meetingFailureText(outcome.failure, actor.locale) };
      const { meeting, created } = outcome.value;
      const notice = tr(created ? 'meetings.added' : 'meetings.alreadyAdded', {
        title: pick(meeting.title, actor.locale),
        time: when(meeting),
      });
      return this.view(actor, forum, notice);
    }
    const target = {
      forumId: forum.id,
      meetingId: payload.meetingId,
      ...(payload.version > 0 ? { expectedVersion: payload.version } : {}),
    };
    const outcome =
      payload.verb === 'meetings.move.v1'
        ? await this.meetings.move(aad, {
            ...target,
            start: `${payload.date}T${payload.start}`,
            end: `${payload.date}T${payload.end}`,
          })
        : await this.meetings.cancel(aad, target);
    if (!outcome.ok) return { locale: actor.locale, text: meetingFailureText(outcome.failure, actor.locale) };
    const meeting = outcome.value;
    const key = payload.verb === 'meetings.move.v1' ? 'meetings.moved' : 'meetings.cancelled';
    return this.view(
      actor,
      forum,
      tr(key, { title: pick(meeting.title, actor.locale), time: when(meeting) }),
    );
  }

  private async view(actor: DigestActor, forum: Forum, notice?: string): Promise<Reply> {
    const served = this.registry();
    const person =
      served && actor.aadObjectId ? served.index.personByAadObjectId(actor.aadObjectId) : undefined;
    const tz = served?.registry.timeZone ?? 'Europe/Helsinki';
    const listed = await this.meetings.list(forum.id);
    if (!listed.ok) return { locale: actor.locale, text: meetingFailureText(listed.failure, actor.locale) };
    const now = this.now();
    const lines: MeetingLine[] = listed.value
      .filter((m) => Date.parse(m.end) > now)
      .slice(0, 8)
      .map((m) => {
        const start = DateTime.fromISO(m.start, { setZone: true }).setZone(tz);
        const end = DateTime.fromISO(m.end, { setZone: true }).setZone(tz);
        return {
          id: m.id,
          title: pick(m.title, actor.locale),
          when: formatTimeRange(m.start, m.end, tz, actor.locale),
          cancelled: m.cancelled,
          version: m.version,
          date: start.toISODate() ?? '',
          start: start.toFormat('HH:mm'),
          end: end.toFormat('HH:mm'),
          ...(m.location ? { place: pick(m.location, actor.locale) } : {}),
        };
      });
    const model = {
      forumId: forum.id,
      forumName: pick(forum.name, actor.locale),
      meetings: lines,
      canEdit: canLog(person, forum).ok,
      ...(notice ? { notice } : {}),
    };
    const tr = translator(actor.locale);
    return { locale: actor.locale, text: meetingsText(model, tr), card: meetingsCard(model, tr) };
  }

  private forumOf(actor: DigestActor): Forum | undefined {
    const served = this.registry();
    if (!served) return undefined;
    const channel = actor.teamsChannelId ? served.questions.forumByChannel(actor.teamsChannelId) : undefined;
    if (channel) return channel;
    const person = actor.aadObjectId ? served.index.personByAadObjectId(actor.aadObjectId) : undefined;
    return person ? served.index.registry.forums.find((f) => canLog(person, f).ok) : undefined;
  }
}

export type { Locale };

/**
 * The situational picture in chat: `tilannekuva [forum or region]` on demand, the Kuitattu
 * button and card refresh, and secretaries turning the automatic posting off and on.
 */
import { parseDigestAction } from '../../../cards/digest-verbs';
import { renderDigest } from '../../../cards/digest.card';
import { canLog } from '../../domain/actions';
import type { Digest } from '../../domain/digest';
import { understand } from '../../domain/questions/understand';
import { pick, type Forum, type Person } from '../../domain/registry';
import { t, type Locale } from '../../i18n';
import { digestTranslator } from '../../i18n/digest-messages';
import type { Store } from '../../ports/store';
import type { DigestService } from '../digest';
import { digestFailureText } from '../digest';
import type { Reply } from '../reply';
import type { ServedRegistry } from '../served-registry';
import type { CalendarTokens } from './calendar-tokens';
import type { ChartRegistry } from './charts';

export interface DigestActor {
  readonly aadObjectId?: string;
  readonly teamsChannelId?: string;
  readonly locale: Locale;
}

export interface DigestDeskDeps {
  readonly digests: DigestService;
  readonly registry: () => ServedRegistry | undefined;
  readonly store: Store;
  readonly charts: ChartRegistry;
  readonly calendars: CalendarTokens;
  readonly publicBaseUrl: string;
}

const OFF = ['pois', 'off', 'av', 'stop', 'lopeta'];
const ON = ['päälle', 'on', 'på', 'start', 'jatka'];

export class DigestDesk {
  constructor(private readonly deps: DigestDeskDeps) {}

  /** `tilannekuva [forum, region | pois | päälle]`. */
  async command(actor: DigestActor, rest: string): Promise<Reply> {
    const word = rest.trim().toLowerCase();
    if (OFF.includes(word) || ON.includes(word)) return this.switchPosting(actor, ON.includes(word));
    const served = this.deps.registry();
    const forum = served ? this.forumFor(served, actor, rest) : undefined;
    if (!forum)
      return {
        locale: actor.locale,
        text: digestTranslator(actor.locale)('digest.error.notFound', { id: rest.trim() || '–' }),
      };
    const outcome = await this.deps.digests.build({ forumId: forum.id });
    if (!outcome.ok) return { locale: actor.locale, text: digestFailureText(outcome.failure, actor.locale) };
    return this.render(outcome.value, actor.locale);
  }

  /** The Kuitattu button and card refresh; undefined for verbs that are not the digest's. */
  async cardAction(actor: DigestActor, verb: string, data: unknown): Promise<Reply | undefined> {
    const action = parseDigestAction(verb, data);
    if (!action) return undefined;
    const tr = digestTranslator(actor.locale);
    let notice: string | undefined;
    if (action.verb === 'digest.acknowledge.v1') {
      const outcome = await this.deps.digests.acknowledge(action.payload.digestId, actor.aadObjectId ?? '');
      if (!outcome.ok)
        return { locale: actor.locale, text: digestFailureText(outcome.failure, actor.locale) };
      const organisation = this.deps.registry()?.index.organisationsById.get(outcome.value.organisation);
      const name = organisation ? pick(organisation.name, actor.locale) : outcome.value.organisation;
      notice = tr(outcome.value.created ? 'digest.ack.recorded' : 'digest.ack.already', {
        organisation: name,
      });
    }
    const refreshed = await this.deps.digests.refresh(action.payload.digestId);
    if (!refreshed.ok)
      return { locale: actor.locale, text: notice ?? digestFailureText(refreshed.failure, actor.locale) };
    const reply = await this.render(refreshed.value, actor.locale);
    return notice ? { ...reply, text: `${notice}\n${reply.text}` } : reply;
  }

  /** The digest as a card, with chart images and the calendar link. */
  async render(digest: Digest, locale: Locale): Promise<Reply> {
    const charts = new Map<string, string>();
    for (const section of digest.indicators) {
      if (section.countyPoints.length < 2) continue;
      const verdict = section.county?.trend?.change?.verdict;
      const token = await this.deps.charts.register({
        points: section.countyPoints,
        ...(verdict ? { verdict } : {}),
      });
      charts.set(section.id, `${this.deps.publicBaseUrl}/charts/${token}.png`);
    }
    const calendarToken = await this.deps.calendars.tokenOf(digest.forum.id);
    const calendarUrl = `${this.deps.publicBaseUrl}/forums/${encodeURIComponent(digest.forum.id)}/meetings.ics?token=${calendarToken}`;
    const rendered = renderDigest(digest, { locale, chartUrl: (id) => charts.get(id), calendarUrl });
    return { locale, text: rendered.text, card: rendered.card };
  }

  /** Whether the forum's digests are posted automatically (secretaries can turn it off). */
  async postingEnabled(forumId: string): Promise<boolean> {
    return (
      (await this.deps.store.get<{ enabled: boolean }>(`digest-posting:${forumId}`))?.value.enabled ?? true
    );
  }

  private async switchPosting(actor: DigestActor, enabled: boolean): Promise<Reply> {
    const served = this.deps.registry();
    const person =
      served && actor.aadObjectId ? served.index.personByAadObjectId(actor.aadObjectId) : undefined;
    const forum = served ? this.ledForum(served, person, actor.teamsChannelId) : undefined;
    if (!forum) return { locale: actor.locale, text: t(actor.locale, 'actions.noForum') };
    await this.deps.store.put(`digest-posting:${forum.id}`, { enabled, by: person?.id });
    return {
      locale: actor.locale,
      text: t(actor.locale, enabled ? 'digest.posting.on' : 'digest.posting.off', {
        forum: pick(forum.name, actor.locale),
      }),
    };
  }

  /** Named forum or region, else the channel's forum, else a forum the person leads. */
  private forumFor(served: ServedRegistry, actor: DigestActor, words: string): Forum | undefined {
    const { index } = served;
    if (words.trim()) {
      const understood = understand(served.questions, words, {
        fallbackLang: actor.locale,
        seeksForum: true,
      });
      const named = understood.forumIds[0] ? index.forumsById.get(understood.forumIds[0]) : undefined;
      if (named) return named;
      if (understood.region)
        return (
          index.forumsOf(understood.region.id).find((f) => f.kind === 'neuvottelukunta') ??
          index.forumsOf(understood.region.id)[0]
        );
    }
    const channel = actor.teamsChannelId ? served.questions.forumByChannel(actor.teamsChannelId) : undefined;
    if (channel) return channel;
    const person = actor.aadObjectId ? index.personByAadObjectId(actor.aadObjectId) : undefined;
    return person ? index.registry.forums.find((f) => canLog(person, f).ok) : undefined;
  }

  private ledForum(
    served: ServedRegistry,
    person: Person | undefined,
    channelId: string | undefined,
  ): Forum | undefined {
    const channel = channelId ? served.questions.forumByChannel(channelId) : undefined;
    if (channel) return canLog(person, channel).ok ? channel : undefined;
    return person ? served.index.registry.forums.find((f) => canLog(person, f).ok) : undefined;
  }
}

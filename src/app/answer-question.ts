/**
 * Use-case: answer a chat question from the registry in service. Resolves the region from the
 * text, else the forum channel it was asked in, else the region this user asked about last in
 * this conversation; otherwise asks which region.
 */
import { renderAnswer } from '../../cards/answer.card';
import { dayIn } from '../domain/actions';
import { answer, type Answer } from '../domain/questions/answer';
import { understand, type QuestionContext } from '../domain/questions/understand';
import type { Locale } from '../i18n';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';
import type { MessageInput } from './handle-message';
import type { Reply, ReplyMeta } from './reply';
import type { ServedRegistry } from './served-registry';

export interface AnswerQuestionDeps {
  readonly registry: () => ServedRegistry | undefined;
  readonly clock: Clock;
  /** Remembers the last region per user and conversation; answering works without it. */
  readonly store?: Store;
  readonly onStoreError?: (error: unknown) => void;
}

export interface AnsweredQuestion {
  readonly reply: Reply;
  readonly answer: Answer;
}

/** How long a conversation remembers the region a user last asked about. */
const LAST_REGION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const lastRegionKey = (input: MessageInput): string =>
  `last-region:${input.conversationId}:${input.userAadObjectId ?? 'anonymous'}`;

export function createQuestionAnswerer(deps: AnswerQuestionDeps) {
  const remember = async (input: MessageInput): Promise<string | undefined> => {
    if (!deps.store) return undefined;
    try {
      return (await deps.store.getExpiring<{ regionId: string }>(lastRegionKey(input)))?.regionId;
    } catch (error) {
      deps.onStoreError?.(error);
      return undefined;
    }
  };

  return async (input: MessageInput, fallbackLocale: Locale): Promise<AnsweredQuestion> => {
    const served = deps.registry();
    if (!served)
      return {
        reply: { locale: fallbackLocale, text: '' },
        answer: { kind: 'not-understood', lang: fallbackLocale },
      };
    const channelForum = input.teamsChannelId
      ? served.questions.forumByChannel(input.teamsChannelId)
      : undefined;
    const context: QuestionContext = {
      fallbackLang: fallbackLocale,
      ...(channelForum ? { channelRegionId: channelForum.region, channelForumId: channelForum.id } : {}),
    };
    let understanding = understand(served.questions, input.text, context);
    // The conversation's last region is read only when nothing else told the region.
    if (!understanding.region && understanding.intent !== 'unknown') {
      const lastRegionId = await remember(input);
      if (lastRegionId)
        understanding = understand(served.questions, input.text, { ...context, lastRegionId });
    }
    const now = deps.clock.now();
    const today = dayIn(now, served.registry.timeZone);
    const result = answer(served.index, understanding, { now, today });
    if (
      deps.store &&
      understanding.region &&
      (understanding.regionSource === 'municipality' || understanding.regionSource === 'named')
    ) {
      // Not awaited: the reply does not wait for a hint for later questions. The user's next
      // question is read after this write on the same connection, so it still sees it.
      void deps.store
        .putExpiring(lastRegionKey(input), { regionId: understanding.region.id }, LAST_REGION_TTL_MS)
        .catch((error: unknown) => deps.onStoreError?.(error));
    }
    const rendered = renderAnswer(result, served.registry.timeZone, input.text);
    const reply: Reply = {
      locale: result.lang,
      text: rendered.text,
      meta: metaOf(result),
      ...(rendered.card ? { card: rendered.card } : {}),
    };
    return { reply, answer: result };
  };
}

function metaOf(result: Answer): ReplyMeta {
  switch (result.kind) {
    case 'responsibility':
    case 'none':
      return {
        answerKind: result.kind,
        interfaceId: result.interface.id,
        regionId: result.region.id,
        ...(result.municipality?.code ? { municipalityCode: result.municipality.code } : {}),
      };
    case 'clarify-region':
      return { answerKind: result.kind, interfaceId: result.interface.id };
    case 'forum': {
      const first = result.forums.length === 1 ? result.forums[0] : undefined;
      return {
        answerKind: result.kind,
        ...(result.region ? { regionId: result.region.id } : {}),
        ...(first ? { forumId: first.forum.id } : {}),
        ...(first?.nextMeeting ? { meetingId: first.nextMeeting.id } : {}),
      };
    }
    case 'membership':
      return {
        answerKind: result.kind,
        regionId: result.region.id,
        ...(result.municipality.code ? { municipalityCode: result.municipality.code } : {}),
      };
    default:
      return { answerKind: result.kind };
  }
}

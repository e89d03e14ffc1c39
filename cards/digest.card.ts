/**
 * The situational picture as one Adaptive Card (1.5) with a plain-text fallback holding the same
 * facts, in the forum's language. The "Kuitattu" button and the refresh block are Universal
 * Actions, so Teams shows each user the current acknowledgements. The card must fit in one Teams
 * message whatever the region's size: it steps down to less detail (municipality figures first,
 * then charts and list lengths, then indicators) until card and fallback fit `maxBytes`.
 */
import type { Digest } from '../src/domain/digest';
import { pick } from '../src/domain/registry';
import type { Locale } from '../src/i18n';
import { card, heading, text, type Card, type CardElement, execute } from './adaptive';
import { VERBS } from './action-verbs';
import { acknowledgementsSection, footerSection } from './digest-acks';
import { actionsSection, decisionsSection } from './digest-actions';
import { renderContext, type DigestDetail, type DigestRenderContext, type Section } from './digest-context';
import { goalsSection, statutorySection } from './digest-goals';
import { indicatorBlock, indicatorsTail, indicatorsTitle } from './digest-indicators';
import { meetingSection } from './digest-meeting';
import { DIGEST_VERBS } from './digest-verbs';
import { formatDateTime } from './format';

/**
 * Card JSON with its fallback text. Teams refuses messages over about 100 KB; the card tests hold
 * cards under 80 KB, and the activity around the card needs a little more.
 */
export const DIGEST_CARD_MAX_BYTES = 78 * 1024;

export interface DigestCardOptions {
  readonly locale: Locale;
  /** Address of an indicator's trend chart (PNG); none given: the card has no images. */
  readonly chartUrl?: (indicatorId: string) => string | undefined;
  /** Address of the forum's meetings calendar (ICS). */
  readonly calendarUrl?: string;
  /** Users whose Teams refreshes the card automatically; omitted: Teams decides (small chats). */
  readonly refreshUserIds?: readonly string[];
  readonly maxBytes?: number;
}

export interface RenderedDigest {
  readonly card: Card;
  /** The plain-text fallback (also the card's `fallbackText`). */
  readonly text: string;
  /** The level of detail that fitted. */
  readonly detail: DigestDetail;
  readonly bytes: number;
}

const FULL_LISTS = { listItems: 8, agendaItems: 30, names: 60, textLength: 300 } as const;
const TRIMMED_LISTS = { listItems: 5, agendaItems: 15, names: 60, textLength: 160 } as const;
const LEAN_LISTS = { listItems: 3, agendaItems: 8, names: 30, textLength: 120 } as const;
const MINIMAL: DigestDetail = {
  indicators: 0,
  municipalityIndicators: 0,
  charts: false,
  listItems: 1,
  agendaItems: 3,
  names: 5,
  textLength: 80,
};

/**
 * From everything down to the bare meeting, counts and buttons: long texts are shortened first,
 * then municipality figures go one indicator at a time from the last, then the charts, then list
 * lengths, then indicators.
 */
export function* detailLevels(indicatorCount: number): Generator<DigestDetail> {
  const n = indicatorCount;
  const full = { indicators: n, municipalityIndicators: n, charts: true, ...FULL_LISTS };
  yield full;
  for (let m = n; m >= 0; m--) yield { ...full, ...TRIMMED_LISTS, municipalityIndicators: m };
  const bare = { ...full, ...TRIMMED_LISTS, municipalityIndicators: 0, charts: false };
  yield bare;
  for (let k = n; k > 0; k--) yield { ...bare, ...LEAN_LISTS, indicators: k };
  yield MINIMAL;
}

function buttons(digest: Digest, ctx: DigestRenderContext, calendarUrl: string | undefined): CardElement[] {
  const { tr } = ctx;
  const ackData = { verb: DIGEST_VERBS.acknowledge, digestId: digest.id };
  const title = tr('digest.ack.button');
  return [
    execute(title, DIGEST_VERBS.acknowledge, ackData, { style: 'positive' }),
    {
      type: 'Action.Submit',
      title: tr('digest.actions.showAll'),
      data: { verb: VERBS.list, forumId: digest.forum.id, filter: 'open' },
    },
    ...(calendarUrl ? [{ type: 'Action.OpenUrl', title: tr('digest.calendar'), url: calendarUrl }] : []),
  ];
}

function header(digest: Digest, ctx: DigestRenderContext): Section {
  const title = ctx.tr('digest.title', { forum: pick(digest.forum.name, ctx.locale) });
  const subtitle = ctx.tr('digest.subtitle', {
    region: pick(digest.region.name, ctx.locale),
    time: formatDateTime(new Date(digest.generatedAt).toISOString(), ctx.timeZone, ctx.locale),
  });
  return {
    elements: [heading(title), text(subtitle, { isSubtle: true, spacing: 'None' })],
    lines: [title, subtitle],
  };
}

/** A rendered part with its size in the card's JSON: elements, and lines inside the fallback string. */
interface Part extends Section {
  readonly elementBytes: number;
  readonly lineBytes: number;
}

function measured(section: Section): Part {
  let elementBytes = 0;
  for (const element of section.elements) elementBytes += Buffer.byteLength(JSON.stringify(element), 'utf8');
  let lineBytes = 0;
  // A line's bytes inside the JSON string: its escaped form without the quotes.
  for (const line of section.lines) lineBytes += Buffer.byteLength(JSON.stringify(line), 'utf8') - 2;
  return { ...section, elementBytes, lineBytes };
}

/**
 * Renders the parts a level needs, each once per distinct level of its own detail, so trying
 * many levels costs little more than rendering one.
 */
class DigestParts {
  private readonly cache = new Map<string, Part>();

  constructor(
    private readonly digest: Digest,
    private readonly ctx: DigestRenderContext,
  ) {}

  /** The card's sections, each a list of parts; the fallback text joins sections with a blank line. */
  sectionsAt(detail: DigestDetail): Part[][] {
    const { digest, ctx } = this;
    const lists = `${detail.listItems}/${detail.agendaItems}/${detail.names}/${detail.textLength}`;
    const indicators = digest.indicators.slice(0, detail.indicators).map((indicator, i) => {
      const municipalities = i < detail.municipalityIndicators;
      return this.part(`indicator:${i}:${municipalities}:${detail.charts}`, () =>
        indicatorBlock(indicator, i, ctx, { municipalities, charts: detail.charts }),
      );
    });
    return [
      [this.part('header', () => header(digest, ctx))],
      [this.part(`meeting:${lists}`, () => meetingSection(digest, ctx, detail))],
      [
        this.part('indicators', () => indicatorsTitle(digest, ctx)),
        ...indicators,
        this.part(`indicators-tail:${detail.indicators}:${detail.municipalityIndicators}`, () =>
          indicatorsTail(digest, ctx, detail),
        ),
      ],
      [this.part(`actions:${lists}`, () => actionsSection(digest, ctx, detail))],
      [this.part(`decisions:${lists}`, () => decisionsSection(digest, ctx, detail))],
      [this.part(`goals:${lists}`, () => goalsSection(digest, ctx, detail))],
      [this.part('statutory', () => statutorySection(digest, ctx))],
      [this.part(`acknowledgements:${lists}`, () => acknowledgementsSection(digest, ctx, detail))],
      [this.part('footer', () => footerSection(digest, ctx))],
    ];
  }

  private part(key: string, render: () => Section): Part {
    let part = this.cache.get(key);
    if (!part) {
      part = measured(render());
      this.cache.set(key, part);
    }
    return part;
  }
}

function fallbackText(sections: readonly Part[][]): string {
  return sections.map((parts) => parts.flatMap((part) => part.lines).join('\n')).join('\n\n');
}

function assemble(
  digest: Digest,
  ctx: DigestRenderContext,
  sections: readonly Part[][],
  options: DigestCardOptions,
  fallback: string,
): Card {
  const refreshData = { verb: DIGEST_VERBS.refresh, digestId: digest.id };
  return {
    ...card(
      sections.flatMap((parts) => parts.flatMap((part) => part.elements)),
      buttons(digest, ctx, options.calendarUrl),
      fallback,
    ),
    refresh: {
      action: { type: 'Action.Execute', verb: DIGEST_VERBS.refresh, data: refreshData },
      ...(options.refreshUserIds ? { userIds: [...options.refreshUserIds] } : {}),
    },
  };
}

/** The card's size in bytes from its parts, without building it: exact for JSON.stringify. */
function sizeOf(sections: readonly Part[][], emptyBytes: number): number {
  const parts = sections.flat();
  const elements = parts.reduce((sum, part) => sum + part.elements.length, 0);
  const elementBytes = parts.reduce((sum, part) => sum + part.elementBytes, 0);
  const lines = parts.reduce((sum, part) => sum + part.lines.length, 0);
  const lineBytes = parts.reduce((sum, part) => sum + part.lineBytes, 0);
  // Commas between elements; "\n" (two bytes escaped) between lines, one more between sections.
  const joins = Math.max(0, elements - 1) + 2 * Math.max(0, lines - 1) + 2 * Math.max(0, sections.length - 1);
  return emptyBytes + elementBytes + lineBytes + joins;
}

export function renderDigest(digest: Digest, options: DigestCardOptions): RenderedDigest {
  const ctx = renderContext(options.locale, digest.timeZone, options.chartUrl);
  const maxBytes = options.maxBytes ?? DIGEST_CARD_MAX_BYTES;
  const parts = new DigestParts(digest, ctx);
  // The card with no body and an empty fallback: "fallbackText" is dropped when empty, so a marker.
  const empty = assemble(digest, ctx, [], options, 'x');
  const emptyBytes = Buffer.byteLength(JSON.stringify(empty), 'utf8') - 1;
  let chosen: { detail: DigestDetail; sections: Part[][] } | undefined;
  for (const detail of detailLevels(digest.indicators.length)) {
    const sections = parts.sectionsAt(detail);
    chosen = { detail, sections };
    if (sizeOf(sections, emptyBytes) <= maxBytes) break;
  }
  // Even the bare card is too big only for a pathological registry: it is sent anyway.
  const { detail, sections } = chosen ?? { detail: MINIMAL, sections: parts.sectionsAt(MINIMAL) };
  const text = fallbackText(sections);
  const built = assemble(digest, ctx, sections, options, text);
  return { card: built, text, detail, bytes: Buffer.byteLength(JSON.stringify(built), 'utf8') };
}

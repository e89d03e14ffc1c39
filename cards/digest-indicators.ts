/**
 * The indicators: for each, the county's latest figure with its year and change, the source and
 * its year, stale and snapshot notes, an optional trend chart, and the municipalities compactly
 * (a FactSet, collapsed behind a toggle when there are many).
 */
import type { AreaFigure, Digest, IndicatorSection } from '../src/domain/digest';
import { pick } from '../src/domain/registry';
import { container, factSet, text, type CardElement } from './adaptive';
import type { DigestDetail, DigestRenderContext, Section } from './digest-context';
import { changeText, shortChangeText, trendValue, verdictColor } from './digest-format';

/** Up to this many municipalities are shown as they are; more are collapsed. */
export const INLINE_MUNICIPALITIES = 6;

function heading(indicator: IndicatorSection, ctx: DigestRenderContext): string {
  const name = pick(indicator.name, ctx.locale);
  return indicator.unit ? `${name} (${indicator.unit})` : name;
}

/** "272 437 (2022)" for the headline figure. */
function valueWithYear(figure: AreaFigure, indicator: IndicatorSection, ctx: DigestRenderContext): string {
  if (!figure.trend) return ctx.tr('digest.indicators.noData');
  const marker = figure.fromSnapshot && !indicator.sourceUnreachable ? '*' : '';
  return `${trendValue(figure.trend, ctx.numbers, indicator.decimals)}${marker} (${figure.trend.latest.year})`;
}

/** "4 601 ↓ −1,8 %", with the year when it is not the indicator's latest and * for a snapshot value. */
function compactFigure(figure: AreaFigure, indicator: IndicatorSection, ctx: DigestRenderContext): string {
  const trend = figure.trend;
  if (!trend) return ctx.tr('digest.indicators.noData');
  const marker = figure.fromSnapshot && !indicator.sourceUnreachable ? '*' : '';
  const year = trend.latest.year === indicator.latestYear ? '' : ` (${trend.latest.year})`;
  const change = trend.change ? ` ${shortChangeText(trend.change, ctx.numbers, indicator.decimals)}` : '';
  return `${trendValue(trend, ctx.numbers, indicator.decimals)}${marker}${year}${change}`;
}

function countyChange(figure: AreaFigure, indicator: IndicatorSection, ctx: DigestRenderContext): string {
  const change = figure.trend?.change;
  if (!change) return '';
  const verdict = change.verdict === 'neutral' ? '' : ` ${ctx.tr(`digest.verdict.${change.verdict}`)}`;
  return `${changeText(change, ctx.numbers, indicator.decimals)}${verdict}`;
}

function notes(indicator: IndicatorSection, ctx: DigestRenderContext): { text: string; warning: boolean }[] {
  const { tr } = ctx;
  const source = tr(`digest.source.${indicator.source}`);
  const out = [
    {
      text:
        indicator.latestYear === undefined
          ? tr('digest.indicators.sourceNoYear', { source })
          : tr('digest.indicators.source', { source, year: indicator.latestYear }),
      warning: false,
    },
  ];
  if (indicator.stale && indicator.latestYear !== undefined)
    out.push({ text: tr('digest.indicators.stale', { year: indicator.latestYear }), warning: true });
  if (indicator.sourceUnreachable) out.push({ text: tr('digest.indicators.unreachable'), warning: true });
  else if ([indicator.county, ...indicator.municipalities].some((figure) => figure?.fromSnapshot))
    out.push({ text: tr('digest.indicators.partlySnapshot'), warning: false });
  return out;
}

function countyRow(figure: AreaFigure, indicator: IndicatorSection, ctx: DigestRenderContext): CardElement {
  const change = countyChange(figure, indicator, ctx);
  const column = (items: CardElement[], width: string): CardElement => ({ type: 'Column', width, items });
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      column([text(pick(figure.name, ctx.locale))], 'stretch'),
      column([text(valueWithYear(figure, indicator, ctx), { weight: 'Bolder' })], 'auto'),
      ...(change
        ? [column([text(change, { color: verdictColor(figure.trend?.change?.verdict) })], 'auto')]
        : []),
    ],
  };
}

function chart(indicator: IndicatorSection, ctx: DigestRenderContext): CardElement[] {
  const url = ctx.chartUrl?.(indicator.id);
  const points = indicator.countyPoints;
  const first = points[0];
  const last = points[points.length - 1];
  if (!url || !first || !last || points.length < 2 || !indicator.county) return [];
  const altText = ctx.tr('digest.indicators.chartAlt', {
    indicator: pick(indicator.name, ctx.locale),
    area: pick(indicator.county.name, ctx.locale),
    from: first.year,
    to: last.year,
    value: ctx.numbers.value(last.value, indicator.decimals),
    year: last.year,
  });
  return [{ type: 'Image', url, altText, width: '320px', spacing: 'Small' }];
}

function municipalityElements(
  indicator: IndicatorSection,
  position: number,
  ctx: DigestRenderContext,
): CardElement[] {
  const facts = indicator.municipalities.map((figure) => ({
    title: pick(figure.name, ctx.locale),
    value: compactFigure(figure, indicator, ctx),
  }));
  if (facts.length === 0) return [];
  if (facts.length <= INLINE_MUNICIPALITIES) {
    return [
      text(ctx.tr('digest.indicators.municipalities'), { isSubtle: true, spacing: 'Small' }),
      factSet(facts),
    ];
  }
  const id = `digest-municipalities-${position}`;
  return [
    {
      type: 'ActionSet',
      spacing: 'Small',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: ctx.tr('digest.indicators.showMunicipalities', { count: facts.length }),
          targetElements: [id],
        },
      ],
    },
    container([factSet(facts)], { id, isVisible: false, spacing: 'None' }),
  ];
}

/** One indicator; `municipalities`: with the municipalities' figures. */
export function indicatorBlock(
  indicator: IndicatorSection,
  position: number,
  ctx: DigestRenderContext,
  options: { readonly municipalities: boolean; readonly charts: boolean },
): Section {
  const notesOf = notes(indicator, ctx);
  const elements: CardElement[] = [
    text(heading(indicator, ctx), { weight: 'Bolder' }),
    ...(indicator.county ? [countyRow(indicator.county, indicator, ctx)] : []),
    ...(options.charts ? chart(indicator, ctx) : []),
    ...notesOf.map((note) =>
      text(
        note.text,
        note.warning
          ? { size: 'Small', color: 'Warning', spacing: 'None' }
          : { size: 'Small', isSubtle: true, spacing: 'None' },
      ),
    ),
    ...(options.municipalities ? municipalityElements(indicator, position, ctx) : []),
  ];
  const county = indicator.county;
  const countyLine = county
    ? ` ${pick(county.name, ctx.locale)} ${valueWithYear(county, indicator, ctx)} ${countyChange(county, indicator, ctx)}`.trimEnd()
    : '';
  const municipalities = options.municipalities
    ? indicator.municipalities.map(
        (figure) => `${pick(figure.name, ctx.locale)} ${compactFigure(figure, indicator, ctx)}`,
      )
    : [];
  const lines = [
    `• ${heading(indicator, ctx)}:${countyLine}`,
    `  ${notesOf.map((note) => note.text).join('. ')}`,
    ...(municipalities.length > 0
      ? [`  ${ctx.tr('digest.indicators.municipalities')}: ${municipalities.join('; ')}`]
      : []),
  ];
  return { elements: [container(elements, { separator: position > 0, spacing: 'Medium' })], lines };
}

/** The section's title, or the title and a note that the forum has no indicators. */
export function indicatorsTitle(digest: Digest, ctx: DigestRenderContext): Section {
  const { tr } = ctx;
  const title = text(tr('digest.indicators.heading'), {
    weight: 'Bolder',
    size: 'Medium',
    separator: true,
    spacing: 'Medium',
  });
  if (digest.indicators.length > 0) return { elements: [title], lines: [tr('digest.indicators.heading')] };
  const none = tr('digest.indicators.none');
  return {
    elements: [title, text(none, { isSubtle: true })],
    lines: [tr('digest.indicators.heading'), none],
  };
}

/** What was left out for space. */
export function indicatorsTail(digest: Digest, ctx: DigestRenderContext, detail: DigestDetail): Section {
  const { tr } = ctx;
  const shown = digest.indicators.slice(0, detail.indicators);
  const lines: string[] = [];
  const omitted = digest.indicators.length - shown.length;
  if (omitted > 0) lines.push(tr('digest.indicators.omitted', { count: omitted }));
  if (detail.municipalityIndicators < shown.length && shown.some((i) => i.municipalities.length > 0))
    lines.push(tr('digest.indicators.municipalitiesOmitted'));
  return { elements: lines.map((line) => text(line, { isSubtle: true, size: 'Small' })), lines };
}

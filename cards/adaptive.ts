/**
 * Small builders for Adaptive Card 1.5 JSON. Cards are data: pure functions of a view model.
 * TextBlocks render a Markdown subset, so every text that comes from users or the registry
 * goes through `plain()` and is never interpreted as markup.
 */
export const CARD_VERSION = '1.5';

export type CardElement = Record<string, unknown>;
export type Card = Readonly<Record<string, unknown>>;

// Anything one of the replacements in plain() would touch; most texts have none.
// eslint-disable-next-line no-control-regex
const MAYBE_MARKUP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\\`*_[\]~]|^\s*(?:[-+#>]|\d+\.)/m;

/** Escapes the Markdown that Adaptive Card TextBlocks interpret, and drops control characters. */
export function plain(text: string): string {
  if (!MAYBE_MARKUP.test(text)) return text;
  return (
    text
      // Control characters are invisible in Teams and can break the card's JSON consumers.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/([\\`*_[\]~])/g, '\\$1')
      .replace(/^(\s*)([-+#>])/gm, '$1\\$2')
      .replace(/^(\s*\d+)\./gm, '$1\\.')
  );
}

export interface TextOptions {
  readonly weight?: 'Default' | 'Lighter' | 'Bolder';
  readonly size?: 'Small' | 'Default' | 'Medium' | 'Large';
  readonly color?: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  readonly isSubtle?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
  readonly separator?: boolean;
}

export function text(value: string, options: TextOptions = {}): CardElement {
  return { type: 'TextBlock', text: plain(value), wrap: true, ...options };
}

export function heading(value: string): CardElement {
  return {
    type: 'TextBlock',
    text: plain(value),
    wrap: true,
    weight: 'Bolder',
    size: 'Medium',
    style: 'heading',
  };
}

export function factSet(facts: readonly { title: string; value: string }[]): CardElement {
  return {
    type: 'FactSet',
    facts: facts.map((fact) => ({ title: plain(fact.title), value: plain(fact.value) })),
  };
}

export function container(items: readonly CardElement[], options: Record<string, unknown> = {}): CardElement {
  return { type: 'Container', items, ...options };
}

/**
 * A Universal Action button (the card is answered and updated in place). Clients without
 * Universal Actions send the same data as a message instead (Action.Submit).
 */
export function execute(
  title: string,
  verb: string,
  data: Record<string, unknown>,
  extra: CardElement = {},
): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...extra,
    fallback: { type: 'Action.Submit', title, data },
  };
}

/** A button that sends `text` back as if the user typed it (Teams imBack). */
export function imBack(title: string, value: string): CardElement {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value } } };
}

export function card(
  body: readonly CardElement[],
  actions: readonly CardElement[] = [],
  fallbackText?: string,
): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(fallbackText ? { fallbackText } : {}),
    msteams: { width: 'Full' },
  };
}

/** Teams renders at most five actions in one ActionSet: longer lists become several rows. */
export const ACTIONS_PER_SET = 5;

export function actionRows(actions: readonly CardElement[]): CardElement[] {
  const rows: CardElement[] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_SET) {
    rows.push({ type: 'ActionSet', actions: actions.slice(i, i + ACTIONS_PER_SET) });
  }
  return rows;
}

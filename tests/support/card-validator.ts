/**
 * Checks a card with Microsoft's own Adaptive Cards library (the `adaptivecards` package):
 * it must parse without warnings at version ≤ 1.5 and stay under 80 KB (Teams refuses
 * messages over 100 KB).
 */
// The package's CommonJS entry imports ES modules; its UMD build loads in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

export const MAX_CARD_BYTES = 80 * 1024;

export function cardProblems(json: unknown): string[] {
  const problems: string[] = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  card.parse(json as never, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const version = (json as { version?: string }).version ?? '';
  if (!/^1\.[0-5]$/.test(version)) problems.push(`version ${version} is above 1.5`);
  const bytes = Buffer.byteLength(JSON.stringify(json), 'utf8');
  if (bytes > MAX_CARD_BYTES) problems.push(`${bytes} bytes is over ${MAX_CARD_BYTES}`);
  return problems;
}

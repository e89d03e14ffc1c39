/** Every answer card, rendered with the largest sample data, validated with the Adaptive Cards library. */
import { join, resolve } from 'node:path';
import { renderAnswer } from '../../../cards/answer.card';
import { helpCard } from '../../../cards/help.card';
import { readRegistryFiles } from '../../../src/adapters/file/registry-files';
import { answer, type Answer } from '../../../src/domain/questions/answer';
import { QuestionModel } from '../../../src/domain/questions/question-model';
import { understand } from '../../../src/domain/questions/understand';
import { loadRegistry, RegistryIndex } from '../../../src/domain/registry';
import { LOCALES, translator } from '../../../src/i18n';
import { cardProblems } from '../../support/card-validator';

const ROOT = resolve(__dirname, '../../..');
const NOW = Date.parse('2026-11-23T10:00:00Z');
let model: QuestionModel;

// Registry text full of markup: it must reach the card as plain text.
const HOSTILE = `
people:
  - { id: markup-person, name: "**Bold** [link](https://evil.example) <b>x</b>", title: { fi: "# Otsikko" }, organisation: hva-keski-suomi, email: "a@example.fi" }
responsibilities:
  - { interface: tyollisyys, region: keski-suomi, organisation: hva-keski-suomi, person: markup-person, role: paattaja, task: { fi: "_kursiivi_ ja \`koodi\`" }, confirmed: 2026-10-01 }
`;

beforeAll(async () => {
  const loaded = loadRegistry([
    ...(await readRegistryFiles(join(ROOT, 'data/registry'))),
    { file: 'hostile.yaml', text: HOSTILE },
  ]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  model = new QuestionModel(new RegistryIndex(loaded.registry));
});

function answerTo(text: string): Answer {
  return answer(model.index, understand(model, text, { fallbackLang: 'fi' }), {
    now: NOW,
    today: '2026-11-23',
  });
}

const QUESTIONS: [string, Answer['kind']][] = [
  ['Kuka vastaa työllisyydestä Keski-Suomessa?', 'responsibility'],
  ['Who is responsible for wellbeing promotion in Central Ostrobothnia?', 'responsibility'],
  ['Vem sköter sysselsättningen i Jyväskylä?', 'responsibility'],
  ['Kuka vastaa asumisesta Keski-Suomessa?', 'none'],
  ['Kuka vastaa kotoutumisesta?', 'clarify-region'],
  ['Milloin Päijät-Hämeen foorumit kokoontuvat ja keitä sihteerit ovat?', 'forum'],
  ['Mihin työllisyysalueeseen Muurame kuuluu?', 'membership'],
  ['Mitkä kunnat kuuluvat Keski-Suomen hyvinvointialueeseen?', 'member-list'],
];

describe.each(QUESTIONS)('%s', (question, kind) => {
  it(`renders a valid ${kind} card with a text fallback`, () => {
    const result = answerTo(question);
    expect(result.kind).toBe(kind);
    const rendered = renderAnswer(result, 'Europe/Helsinki', question);
    expect(rendered.card).toBeDefined();
    expect(cardProblems(rendered.card)).toEqual([]);
    expect(rendered.text.length).toBeGreaterThan(20);
  });
});

it('never passes registry markup through as Markdown', () => {
  const rendered = renderAnswer(
    answerTo('Kuka vastaa työllisyydestä Keski-Suomessa?'),
    'Europe/Helsinki',
    'x',
  );
  const json = JSON.stringify(rendered.card);
  expect(json).toContain('\\\\*\\\\*Bold\\\\*\\\\* \\\\[link\\\\](https://evil.example)');
  expect(json).toContain('\\\\_kursiivi\\\\_');
  expect(json).not.toMatch(/"text":"\*\*Bold/);
  expect(rendered.text).toContain('**Bold** [link](https://evil.example)');
});

it.each(LOCALES)('renders a valid help card in %s', (locale) => {
  expect(cardProblems(helpCard(translator(locale)))).toEqual([]);
});

it('the validator itself rejects unknown elements, versions above 1.5 and oversized cards', () => {
  expect(
    cardProblems({ type: 'AdaptiveCard', version: '1.6', body: [{ type: 'Carousel' }] }).length,
  ).toBeGreaterThanOrEqual(2);
  const huge = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'x'.repeat(90 * 1024) }],
  };
  expect(cardProblems(huge)).toEqual([expect.stringMatching(/bytes is over/)]);
});

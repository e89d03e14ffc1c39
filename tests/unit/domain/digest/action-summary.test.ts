import { withStatus, type Action } from '../../../../src/domain/actions';
import { summariseActions, type ActionSummaryInput } from '../../../../src/domain/digest';
import type { RegistryIndex } from '../../../../src/domain/registry';
import { action, sampleIndex } from './digest-fixture';

const DAY = 86_400_000;
/** The previous meeting started here; the digest is for the next one. */
const SINCE = '2027-05-05T13:00:00+03:00';
const SINCE_MS = Date.parse(SINCE);

let registry: RegistryIndex;
beforeAll(async () => {
  registry = await sampleIndex();
});

function summary(actions: readonly Action[]): ReturnType<typeof summariseActions> {
  const input: ActionSummaryInput = {
    actions,
    today: '2027-09-15',
    meetingDay: '2027-09-17',
    since: SINCE,
    registry,
    attentionLimit: 10,
    doneLimit: 10,
  };
  return summariseActions(input);
}

const doneIds = (actions: readonly Action[]): string[] => summary(actions).done.items.map((a) => a.id);

describe('done since the previous meeting', () => {
  it('counts when an action was done, not when it was last edited or commented on', () => {
    const longAgo = action({
      id: 'OLD',
      status: 'valmis',
      doneAt: SINCE_MS - 60 * DAY,
      updatedAt: SINCE_MS + 30 * DAY,
    });
    const lately = action({ id: 'NEW', status: 'valmis', doneAt: SINCE_MS + DAY, updatedAt: SINCE_MS + DAY });
    expect(doneIds([longAgo, lately])).toEqual(['NEW']);
    expect(summary([longAgo, lately]).doneSincePrevious).toBe(1);
  });

  it('lists the most recently done first, whatever was edited since', () => {
    const first = action({
      id: 'A',
      status: 'valmis',
      doneAt: SINCE_MS + DAY,
      updatedAt: SINCE_MS + 50 * DAY,
    });
    const second = action({
      id: 'B',
      status: 'valmis',
      doneAt: SINCE_MS + 2 * DAY,
      updatedAt: SINCE_MS + 2 * DAY,
    });
    expect(doneIds([first, second])).toEqual(['B', 'A']);
  });

  it('counts an action reopened and done again from the second time', () => {
    const doneBefore = withStatus(action({ id: 'R' }), 'valmis', SINCE_MS - 40 * DAY);
    expect(doneIds([doneBefore])).toEqual([]);
    const reopened = withStatus(doneBefore, 'kaynnissa', SINCE_MS - 10 * DAY);
    expect(doneIds([reopened])).toEqual([]);
    expect(summary([reopened]).open).toBe(1);
    const doneAgain = withStatus(reopened, 'valmis', SINCE_MS + 3 * DAY);
    const other = action({ id: 'S', status: 'valmis', doneAt: SINCE_MS + 2 * DAY });
    expect(doneIds([other, doneAgain])).toEqual(['R', 'S']);
  });

  it('falls back to the last change for done actions stored before doneAt was recorded', () => {
    const legacy = action({ id: 'L', status: 'valmis', updatedAt: SINCE_MS + DAY });
    const legacyOld = action({ id: 'M', status: 'valmis', updatedAt: SINCE_MS - DAY });
    expect(doneIds([legacy, legacyOld])).toEqual(['L']);
  });

  it('never counts an action that is not done, even with a stray doneAt', () => {
    const stray = action({ id: 'X', status: 'kaynnissa', doneAt: SINCE_MS + DAY });
    expect(doneIds([stray])).toEqual([]);
  });
});

import {
  ACTION_STATUSES,
  allowedTransitions,
  canTransition,
  isActionStatus,
  isOpenStatus,
  isOverdue,
  whenDone,
  withStatus,
  type Action,
} from '../../../../src/domain/actions';

describe('status transitions', () => {
  it('allows the life cycle and taking mistakes back', () => {
    expect(allowedTransitions('avoin')).toEqual(['kaynnissa', 'valmis', 'peruttu']);
    expect(canTransition('kaynnissa', 'valmis')).toBe(true);
    expect(canTransition('valmis', 'kaynnissa')).toBe(true);
    expect(canTransition('peruttu', 'avoin')).toBe(true);
  });

  it('refuses jumps between the closed states and staying put', () => {
    expect(canTransition('valmis', 'peruttu')).toBe(false);
    expect(canTransition('peruttu', 'valmis')).toBe(false);
    expect(canTransition('valmis', 'avoin')).toBe(false);
    for (const status of ACTION_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('knows its status ids, and no display names', () => {
    expect(ACTION_STATUSES.every(isActionStatus)).toBe(true);
    for (const value of ['käynnissä', 'open', '', undefined, 3, 'AVOIN'])
      expect(isActionStatus(value)).toBe(false);
    expect(ACTION_STATUSES.filter(isOpenStatus)).toEqual(['avoin', 'kaynnissa']);
  });
});

describe('isOverdue', () => {
  const today = '2027-03-31';

  it('is late only when open and due before today', () => {
    expect(isOverdue({ status: 'avoin', dueDate: '2027-03-30' }, today)).toBe(true);
    expect(isOverdue({ status: 'kaynnissa', dueDate: '2026-12-31' }, today)).toBe(true);
    expect(isOverdue({ status: 'avoin', dueDate: '2027-03-31' }, today)).toBe(false);
    expect(isOverdue({ status: 'avoin', dueDate: '2027-04-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'avoin' }, today)).toBe(false);
    expect(isOverdue({ status: 'valmis', dueDate: '2027-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'peruttu', dueDate: '2027-01-01' }, today)).toBe(false);
  });
});

describe('when an action was done', () => {
  const T0 = Date.parse('2027-01-10T10:00:00+02:00');
  const DAY = 86_400_000;
  const open: Action = {
    id: 'ANK-2027-001',
    forum: 'neuvottelukunta-ks',
    title: 'Toimenpide',
    organisations: [],
    status: 'avoin',
    comments: [],
    createdAt: T0,
    createdBy: 'marja-malli',
    updatedAt: T0,
    updatedBy: 'marja-malli',
  };

  it('is recorded when the status becomes done and cleared when it is reopened', () => {
    const done = withStatus(open, 'valmis', T0 + DAY);
    expect(done).toMatchObject({ status: 'valmis', doneAt: T0 + DAY });
    expect(whenDone(done)).toBe(T0 + DAY);
    const reopened = withStatus(done, 'kaynnissa', T0 + 2 * DAY);
    expect(reopened.status).toBe('kaynnissa');
    expect('doneAt' in reopened).toBe(false);
    expect(whenDone(reopened)).toBeUndefined();
    expect(whenDone(withStatus(reopened, 'valmis', T0 + 3 * DAY))).toBe(T0 + 3 * DAY);
    expect(withStatus(open, 'peruttu', T0 + DAY)).not.toHaveProperty('doneAt');
  });

  it('is not moved by later edits, and falls back to the last change for actions stored without it', () => {
    const done = withStatus(open, 'valmis', T0 + DAY);
    expect(whenDone({ ...done, updatedAt: T0 + 30 * DAY })).toBe(T0 + DAY);
    expect(whenDone({ ...open, status: 'valmis', updatedAt: T0 + 5 * DAY })).toBe(T0 + 5 * DAY);
    expect(whenDone({ ...open, updatedAt: T0 + 5 * DAY })).toBeUndefined();
  });
});

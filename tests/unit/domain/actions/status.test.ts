import {
  ACTION_STATUSES,
  allowedTransitions,
  canTransition,
  isActionStatus,
  isOpenStatus,
  isOverdue,
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

import { describe, expect, it } from 'vitest';
import { dueForIdleErasure, mergedFields, monthsBefore, sameContact, type GuideCase } from './case.js';

function guideCase(overrides: Partial<GuideCase> = {}): GuideCase {
  return {
    id: 1,
    reference: 'K7-4F2Q',
    status: 'new',
    firstName: 'Amal',
    phone: '+46701740605',
    email: null,
    interestText: null,
    helperName: null,
    contactLanguage: 'ar',
    ageGroup: 'adult',
    districtId: null,
    interests: ['idrott'],
    freeDays: ['TU'],
    freeTimes: ['evening'],
    onBehalf: false,
    requests: 1,
    mergedInto: null,
    assignedTo: null,
    followUpOn: null,
    firstContactAt: null,
    closedAt: null,
    outcome: null,
    erasedAt: null,
    consentAt: '2026-11-01T08:00:00.000Z',
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...overrides,
  };
}

describe('sameContact', () => {
  it('is true for the same phone or the same e-mail, never for two empty ones', () => {
    expect(sameContact(guideCase(), guideCase({ firstName: 'Hassan' }))).toBe(true);
    expect(sameContact(guideCase({ phone: null, email: 'a@example.se' }), guideCase({ phone: '+46700000000', email: 'a@example.se' }))).toBe(true);
    expect(sameContact(guideCase({ phone: null }), guideCase({ phone: null }))).toBe(false);
    expect(sameContact(guideCase(), guideCase({ phone: '+46700000000' }))).toBe(false);
  });
});

describe('mergedFields', () => {
  it('keeps the kept case’s name and contact, fills only its gaps, and adds up interests, times and requests', () => {
    const keep = guideCase({ email: null, interestText: 'Simning', requests: 2 });
    const gone = guideCase({ id: 2, firstName: 'Amal A.', phone: '+46709999999', email: 'amal@example.se', interests: ['kultur', 'idrott'], freeDays: ['SA'], freeTimes: ['daytime'], interestText: 'Sy kläder', districtId: 4, onBehalf: true, helperName: 'Sara' });
    expect(mergedFields(keep, gone)).toEqual({
      phone: '+46701740605',
      email: 'amal@example.se',
      districtId: 4,
      interests: ['idrott', 'kultur'],
      interestText: 'Simning\nSy kläder',
      freeDays: ['TU', 'SA'],
      freeTimes: ['evening', 'daytime'],
      onBehalf: true,
      helperName: 'Sara',
      requests: 3,
    });
  });

  it('writes the same free text once', () => {
    expect(mergedFields(guideCase({ interestText: 'Fotboll' }), guideCase({ interestText: 'Fotboll' })).interestText).toBe('Fotboll');
    expect(mergedFields(guideCase(), guideCase()).interestText).toBeNull();
  });
});

describe('dueForIdleErasure', () => {
  const now = new Date('2027-11-02T08:00:00.000Z');
  it('is due when nothing has happened in an open case for the whole retention period', () => {
    expect(dueForIdleErasure(guideCase(), '2026-11-02T08:00:00.000Z', now, 12)).toBe(true);
    expect(dueForIdleErasure(guideCase(), '2026-11-02T08:00:00.001Z', now, 12)).toBe(false);
    expect(dueForIdleErasure(guideCase({ status: 'contacted' }), '2026-01-01T00:00:00.000Z', now, 12)).toBe(true);
  });

  it('leaves closed cases to their own rule and erased ones alone', () => {
    expect(dueForIdleErasure(guideCase({ status: 'joined' }), '2020-01-01T00:00:00.000Z', now, 12)).toBe(false);
    expect(dueForIdleErasure(guideCase({ erasedAt: '2027-01-01T00:00:00.000Z' }), '2020-01-01T00:00:00.000Z', now, 12)).toBe(false);
  });

  it('counts calendar months back', () => {
    expect(monthsBefore(new Date('2027-03-15T10:00:00.000Z'), 1).toISOString()).toBe('2027-02-15T10:00:00.000Z');
    expect(monthsBefore(now, 12).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { canChangeVisit, changedFlags, readContactForm, readFlagsForm, readVisitForm, shownNeeds } from './association.js';

const TODAY = '2026-11-26';

describe('readContactForm', () => {
  it('needs a name and a phone or an e-mail, and keeps what was typed', () => {
    const { errors, input, form } = readContactForm({ name: '', role: 'Ordförande', phone: '', email: '' });
    expect(input).toBeNull();
    expect(errors).toEqual({ name: 'guide.associations.errors.nameRequired', phone: 'guide.associations.errors.reachRequired' });
    expect(form.role).toBe('Ordförande');
  });

  it('checks the e-mail and phone, and stores empty fields as nothing', () => {
    expect(readContactForm({ name: 'Amina', email: 'inte-en-adress' }).errors).toEqual({ email: 'guide.associations.errors.emailInvalid' });
    expect(readContactForm({ name: 'Amina', phone: 'ring mig' }).errors).toEqual({ phone: 'guide.associations.errors.phoneInvalid' });
    expect(readContactForm({ name: ' Amina ', phone: '070-123 45 67', email: 'Amina@Example.org' }).input).toEqual({
      name: 'Amina',
      role: null,
      phone: '070-123 45 67',
      email: 'amina@example.org',
      reach: null,
    });
  });
});

describe('readVisitForm', () => {
  const p = { today: TODAY, guideIds: [7] };
  it('takes a past date, a kind, a guide of the team and a note', () => {
    expect(readVisitForm({ visitDate: '2026-11-20', visitKind: 'meeting', guideId: '7', visitNote: 'Träff med styrelsen' }, p).input).toEqual({
      date: '2026-11-20',
      kind: 'meeting',
      guideId: 7,
      note: 'Träff med styrelsen',
    });
  });
  it('refuses a future date, an unknown kind, someone outside the team and an empty note', () => {
    const { errors, form } = readVisitForm({ visitDate: '2026-12-24', visitKind: 'party', guideId: '8', visitNote: '' }, p);
    expect(Object.keys(errors).sort()).toEqual(['guideId', 'visitDate', 'visitKind', 'visitNote']);
    expect(errors.visitDate).toBe('guide.associations.errors.dateInFuture');
    expect(form.visitKind).toBe('party');
  });
});

describe('flags', () => {
  it('reads every flag as yes, no or unknown', () => {
    expect(readFlagsForm({ welcomesNewcomers: 'yes', hasRoom: 'no', needsVolunteers: 'unknown', needsParticipants: 'maybe' }).errors).toEqual({ needsParticipants: 'guide.associations.errors.choiceInvalid' });
  });
  it('writes only the flags that changed', () => {
    const stored = { welcomesNewcomers: 'yes', hasRoom: 'unknown', needsVolunteers: 'no', needsParticipants: 'no' } as const;
    expect(changedFlags(stored, { welcomesNewcomers: 'yes', hasRoom: 'yes', needsVolunteers: 'no' })).toEqual({ hasRoom: 'yes' });
  });
  it('shows a need publicly only when the activity opted in and the flag says yes', () => {
    expect(shownNeeds(['volunteers', 'participants'], { needsVolunteers: 'yes', needsParticipants: 'unknown' })).toEqual(['volunteers']);
    expect(shownNeeds([], { needsVolunteers: 'yes', needsParticipants: 'yes' })).toEqual([]);
  });
  it('lets the author and the coordinator change a log entry, nobody else', () => {
    expect(canChangeVisit({ id: 1, isAdmin: false }, { authorId: 1 })).toBe(true);
    expect(canChangeVisit({ id: 2, isAdmin: false }, { authorId: 1 })).toBe(false);
    expect(canChangeVisit({ id: 2, isAdmin: true }, { authorId: null })).toBe(true);
  });
});

/** Small factories for test data: a valid activity input with only what a test cares about overridden. */
import type { ActivityInput, Schedule } from '../../src/features/calendar/index.js';

export function scheduleInput(overrides: Partial<Schedule> = {}): Schedule {
  return {
    recurrence: { kind: 'once' },
    startDate: '2026-11-27',
    startTime: '18:00',
    endTime: '20:00',
    validUntil: null,
    pauses: [],
    exceptions: [],
    changes: [],
    ...overrides,
  };
}

export function activityInput(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: 'Testaktivitet',
    description: 'En aktivitet för test.',
    category: 'kultur',
    audience: 'everyone',
    ageGroups: [],
    gender: 'all',
    isFree: true,
    costText: null,
    registration: 'none',
    contactName: null,
    contactPhone: null,
    contactEmail: null,
    placeId: null,
    status: 'published',
    hostIds: [],
    languages: [],
    schedule: scheduleInput(),
    ...overrides,
  };
}

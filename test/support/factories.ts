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

/** The fields of a valid weekly activity as the workspace form posts them, with what a test cares about overridden. */
export function activityForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Stickcafé på Oxhagen',
    category: 'motesplats',
    description: 'Vi stickar och pratar svenska. Ta med garn om du har.',
    audience: 'everyone',
    gender: 'all',
    isFree: 'true',
    registration: 'none',
    repeat: 'weekly',
    startDate: '2026-12-01',
    startTime: '13:00',
    endTime: '15:00',
    weekdays: ['TU'],
    placeId: '',
    ...overrides,
  };
}

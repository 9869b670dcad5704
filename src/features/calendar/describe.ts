/** Schedules told in words in the reader's language: "Every other Thursday", "2nd Saturday of the month". */
import { formatDate, formatList, formatTimeRange, weekdayName, type Language, type TFunction } from '../../i18n/index.js';
import { WEEKDAYS, type Schedule } from './schedule.js';

function isoDay(code: (typeof WEEKDAYS)[number]): number {
  return WEEKDAYS.indexOf(code) + 1;
}

/** How often: "Every Tuesday", "Mondays and Wednesdays", "Every other Thursday", "Last Friday of the month", "Second Tuesday every 3 months". */
export function describeRecurrence(t: TFunction, lang: Language, s: Schedule): string {
  const r = s.recurrence;
  switch (r.kind) {
    case 'once':
      return formatDate(lang, s.startDate, 'full');
    case 'weekly': {
      const days = formatList(lang, r.weekdays.map((d) => weekdayName(lang, isoDay(d))));
      if (r.interval === 1) return t('calendar.recurrence.weekly', { days });
      if (r.interval === 2) return t('calendar.recurrence.everyOtherWeek', { days });
      return t('calendar.recurrence.everyNWeeks', { days, count: r.interval });
    }
    case 'monthly': {
      const day = weekdayName(lang, isoDay(r.weekday));
      const every = r.interval ?? 1;
      if (every > 1) {
        // "Second Tuesday every 3 months": the count picks the language's plural form.
        if (r.nth === -1) return t('calendar.recurrence.monthlyLastEveryN', { day, count: every });
        return t('calendar.recurrence.monthlyNthEveryN', { day, nth: t(`calendar.ordinal.${r.nth as 1 | 2 | 3 | 4 | 5}`), count: every });
      }
      if (r.nth === -1) return t('calendar.recurrence.monthlyLast', { day });
      return t('calendar.recurrence.monthlyNth', { day, nth: t(`calendar.ordinal.${r.nth as 1 | 2 | 3 | 4 | 5}`) });
    }
  }
}

/** Left-to-right isolate: keeps "17:30–19:30" in order inside right-to-left text. */
const isolate = (text: string) => `\u2066${text}\u2069`;

/** Recurrence and time: "Every Tuesday, 18:00–20:00". */
export function describeSchedule(t: TFunction, lang: Language, s: Schedule): string {
  return t('calendar.recurrence.withTime', {
    when: describeRecurrence(t, lang, s),
    time: isolate(formatTimeRange(lang, s.startTime, s.endTime)),
  });
}

/** The first weekday (ISO) a schedule runs on, for grouping regular activities by day. */
export function firstWeekday(s: Schedule, fallbackDate: (d: string) => number): number {
  const r = s.recurrence;
  if (r.kind === 'weekly') return isoDay(r.weekdays[0]!);
  if (r.kind === 'monthly') return isoDay(r.weekday);
  return fallbackDate(s.startDate);
}

/** Which occurrences a public holiday or common eve takes away, for activities that do not meet on them. */
import type { Holiday, HolidayCalendar, HolidayKind } from './holidays.js';

/** A date the schedule would meet on, left out for a holiday ("no meeting — public holiday"). */
export interface HolidaySkip {
  date: string;
  /** The holiday's Swedish name. */
  holiday: string;
  kind: HolidayKind;
}

/** The part of an occurrence the rule reads; `ExpandedOccurrence` from the calendar fits. */
export interface DatedOccurrence {
  localDate: string;
  status?: string;
}

/**
 * Splits occurrences into those that happen and those a holiday takes away, by local date. Activities
 * that run on holidays keep everything. Only occurrences the rule itself scheduled are taken away: a
 * moved occurrence is an editor's explicit choice of date, and a cancelled one already says so.
 * Order is preserved in both lists.
 */
export function applyHolidays<O extends DatedOccurrence>(
  occurrences: readonly O[],
  runsOnHolidays: boolean,
  holidays: HolidayCalendar,
): { kept: O[]; skipped: HolidaySkip[] } {
  if (runsOnHolidays || holidays.size === 0) return { kept: [...occurrences], skipped: [] };
  const kept: O[] = [];
  const skipped: HolidaySkip[] = [];
  for (const occ of occurrences) {
    const holiday: Holiday | undefined = holidays.get(occ.localDate);
    if (holiday && (occ.status === undefined || occ.status === 'scheduled')) {
      skipped.push({ date: occ.localDate, holiday: holiday.name, kind: holiday.kind });
    } else {
      kept.push(occ);
    }
  }
  return { kept, skipped };
}

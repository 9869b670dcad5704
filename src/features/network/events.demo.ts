/**
 * Demo events with sign-up, so each screen has something on it: the coordinator's quarterly network
 * meeting ("Nätverksträff för föreningar", 2nd Tuesday every 3 months at Föreningarnas Hus, sign-up
 * on with 40 places and a few sign-ups; two earlier meetings whose sign-ups are erased but whose
 * attendance shows returning and new) and a theme lunch with 8 places, full, one on the waiting list.
 * Fictional people with addresses at exempel.se.
 */
import type { Db } from '../../db/index.js';
import { addDays, localToday, localToInstant, Temporal } from '../../web/time.js';
import { createActivity, type ActivityInput } from '../calendar/index.js';
import { eraseSignupsUpTo, saveSettings, setCheckedIn, signUp } from './events.commands.js';
import { attendeeSecret } from './events.queries.js';
import { attendeeKey, type SignupSettings } from './signup.js';

export const NETWORK_MEETING_TITLE = 'Nätverksträff för föreningar';
export const THEME_LUNCH_TITLE = 'Temalunch: Så söker föreningen bidrag';

interface DemoPerson {
  name: string;
  email: string;
  organisation: string | null;
  diet?: string;
  accessibility?: string;
}

const PEOPLE: DemoPerson[] = [
  { name: 'Leila Haddad', email: 'leila.haddad@exempel.se', organisation: 'Kvinnor i Vivalla', diet: 'Vegetariskt' },
  { name: 'Johan Berg', email: 'johan.berg@exempel.se', organisation: 'Vivalla IF' },
  { name: 'Mariam Yusuf', email: 'mariam.yusuf@exempel.se', organisation: 'Somaliska föreningen i Örebro', diet: 'Halal' },
  { name: 'Olena Kovalenko', email: 'olena.kovalenko@exempel.se', organisation: 'Ukrainska föreningen', accessibility: 'Hörslinga, tack' },
  { name: 'Per Lindqvist', email: 'per.lindqvist@exempel.se', organisation: 'Röda Korset Örebro' },
  { name: 'Samira Ahmadi', email: 'samira.ahmadi@exempel.se', organisation: 'Afghanska kulturföreningen', diet: 'Glutenfritt' },
  { name: 'Tesfay Gebremedhin', email: 'tesfay.g@exempel.se', organisation: 'Eritreanska föreningen' },
  { name: 'Karin Svensson', email: 'karin.svensson@exempel.se', organisation: 'Studieförbundet Vuxenskolan' },
  { name: 'Ahmad Rahimi', email: 'ahmad.rahimi@exempel.se', organisation: 'Läxhjälpen Baronbackarna' },
  { name: 'Hodan Ali', email: 'hodan.ali@exempel.se', organisation: 'Mammagruppen Varberga' },
];

/** The 2nd Tuesday of the month of `date`. */
function secondTuesday(date: string): string {
  const first = Temporal.PlainDate.from(date).with({ day: 1 });
  return first.add({ days: ((2 - first.dayOfWeek + 7) % 7) + 7 }).toString();
}

/** The network meeting's next date (at least a week ahead) and its earlier ones, a quarter apart. */
export function networkMeetingDates(today: string): { next: string; earlier: string[] } {
  let month = Temporal.PlainDate.from(today).with({ day: 1 });
  while (secondTuesday(month.toString()) < addDays(today, 7)) month = month.add({ months: 1 });
  const quarter = (n: number) => secondTuesday(month.subtract({ months: 3 * n }).toString());
  return { next: quarter(0), earlier: [quarter(3), quarter(2), quarter(1)] };
}

const questions = (organisation: 'off' | 'optional' | 'required', diet: 'off' | 'optional' | 'required', accessibility: 'off' | 'optional' | 'required') => ({ organisation, diet, accessibility });

export async function seedEventsDemo(db: Db, now: Date): Promise<void> {
  const today = localToday(now);
  const demo = { actor: null, now, today };
  const created = { action: 'activity.created' };
  const org = await db.selectFrom('organisations').select('id').where('slug', '=', 'orebro-foreningsrad').executeTakeFirst();
  const place = await db.selectFrom('places').select('id').where('name', '=', 'Föreningarnas Hus').executeTakeFirst();
  if (!org) return;
  const { next, earlier } = networkMeetingDates(today);
  const base: Omit<ActivityInput, 'title' | 'description' | 'schedule'> = {
    category: 'volontar',
    audience: 'volunteers',
    ageGroups: ['adults'],
    gender: 'all',
    isFree: true,
    costText: null,
    registration: 'signup',
    contactName: 'Anette Wallin',
    contactPhone: null,
    contactEmail: 'info@orebroforeningsrad.se',
    placeId: place?.id ?? null,
    status: 'published',
    hostIds: [org.id],
    languages: [],
  };
  const meetingId = await createActivity(
    db,
    {
      ...base,
      title: NETWORK_MEETING_TITLE,
      description:
        'Träffa andra föreningar som arbetar med nyanlända i Örebro. Vi berättar vad som är på gång, delar tips och hittar sätt att samarbeta. Vi bjuder på fika.\n\nAnmäl dig senast två dagar före, så vi vet hur mycket fika vi ska köpa.',
      schedule: {
        recurrence: { kind: 'monthly', nth: 2, weekday: 'TU', interval: 3 },
        startDate: earlier[0]!,
        startTime: '17:30',
        endTime: '19:30',
        validUntil: null,
        pauses: [],
        exceptions: [],
        changes: [],
        runsOnHolidays: true,
      },
    },
    demo,
    created,
  );
  const lunchDate = (() => {
    // A Thursday about two weeks ahead.
    let d = addDays(today, 14);
    while (Temporal.PlainDate.from(d).dayOfWeek !== 4) d = addDays(d, 1);
    return d;
  })();
  const lunchId = await createActivity(
    db,
    {
      ...base,
      title: THEME_LUNCH_TITLE,
      description: 'En lunch för föreningar om bidrag: vilka som finns, hur man skriver en ansökan och vad man ska tänka på. Vi bjuder på soppa.',
      schedule: { recurrence: { kind: 'once' }, startDate: lunchDate, startTime: '12:00', endTime: '13:00', validUntil: null, pauses: [], exceptions: [], changes: [], runsOnHolidays: true },
    },
    demo,
    created,
  );

  const secret = await attendeeSecret(db);
  const at = (date: string, time: string) => new Date(localToInstant(date, time));
  const settings = (activityId: number, date: string, over: Partial<SignupSettings>): SignupSettings => ({
    activityId,
    date,
    capacity: 40,
    deadlineDate: addDays(date, -2),
    deadlineTime: '23:59',
    questions: questions('required', 'optional', 'optional'),
    note: 'Vi bjuder på fika. Skriv gärna om du har önskemål om kost.',
    ...over,
  });
  const signUpAll = async (activityId: number, date: string, people: DemoPerson[], from: Date) => {
    const ids: number[] = [];
    for (const [i, p] of people.entries()) {
      const result = await signUp(
        db,
        {
          activityId,
          date,
          input: { name: p.name, email: p.email, phone: null, organisation: p.organisation, diet: p.diet ?? null, accessibility: p.accessibility ?? null },
          language: 'sv',
          attendeeKey: attendeeKey(secret, activityId, p.email),
        },
        new Date(from.getTime() + i * 3 * 3600_000),
      );
      if (result.kind !== 'closed') ids.push(result.signup.id);
    }
    return ids;
  };

  // Two earlier meetings: people came, some came back; their names are erased by now, the figures stay.
  const past: [string, DemoPerson[], number[]][] = [
    [earlier[1]!, PEOPLE.slice(0, 6), [0, 1, 2, 4]],
    [earlier[2]!, [PEOPLE[0]!, PEOPLE[1]!, PEOPLE[5]!, PEOPLE[6]!, PEOPLE[7]!, PEOPLE[8]!], [0, 1, 2, 3, 5]],
  ];
  for (const [date, people, arrived] of past) {
    await saveSettings(db, settings(meetingId, date, {}), at(addDays(date, -30), '10:00'));
    const ids = await signUpAll(meetingId, date, people, at(addDays(date, -20), '09:00'));
    for (const i of arrived) await setCheckedIn(db, { activityId: meetingId, date, signupId: ids[i]!, arrived: true }, at(date, '17:35'));
  }
  // The later of them was a quarter before the next (at least 7 days ahead): long past the 30 days sign-ups are kept.
  await eraseSignupsUpTo(db, earlier[2]!, now);

  // The next meeting: open, a few signed up.
  await saveSettings(db, settings(meetingId, next, {}), at(addDays(today, -10), '10:00'));
  await signUpAll(meetingId, next, [PEOPLE[0]!, PEOPLE[3]!, PEOPLE[2]!, PEOPLE[9]!, PEOPLE[4]!], at(addDays(today, -6), '08:00'));

  // The theme lunch: 8 places, full, one waiting.
  await saveSettings(db, settings(lunchId, lunchDate, { capacity: 8, deadlineDate: addDays(lunchDate, -1), deadlineTime: '12:00', questions: questions('required', 'required', 'off'), note: 'Vi bjuder på soppa. Säg till om du inte äter gluten eller laktos.' }), at(addDays(today, -12), '10:00'));
  await signUpAll(lunchId, lunchDate, [...PEOPLE.slice(0, 8), PEOPLE[9]!].map((p) => ({ ...p, diet: p.diet ?? 'Inget särskilt' })), at(addDays(today, -5), '08:00'));
}

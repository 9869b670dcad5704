/** A large, deterministic data set for benchmarks: N organisations and M activities built from the demo templates. */
import { inTransaction, type Db } from '../src/db/index.js';
import { activities as templates, districts, organisations as orgTemplates, places } from '../src/demo/data.js';
import { WEEKDAYS, type ActivityInput, type Schedule } from '../src/features/calendar/index.js';
import { insertActivity } from '../src/features/calendar/activity.store.js';
import { insertOrganisation } from '../src/features/organisations/organisation.store.js';
import { insertDistrict, insertPlace } from '../src/features/places/index.js';
import { AUDIENCES, CATEGORY_CODES } from '../src/features/taxonomy/index.js';
import { addDays, localToday, startOfIsoWeek } from '../src/web/time.js';

/**
 * The instant the benchmarks treat as now: Monday of this week at 09:00 UTC. On a Monday the start page
 * lists all seven days (later in the week the days already past are only linked), so the figures are
 * the start page's heaviest and do not depend on the day the bench runs.
 */
export function benchNow(): Date {
  return new Date(`${startOfIsoWeek(localToday(new Date()))}T09:00:00Z`);
}

/** Small seeded PRNG (mulberry32): the same data set every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedBenchData(db: Db, now: Date, size: { organisations: number; activities: number }): Promise<void> {
  const rand = prng(48);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const today = localToday(now);
  const monday = startOfIsoWeek(today);

  const districtIds: number[] = [];
  for (const d of districts) districtIds.push(await insertDistrict(db, d));
  const placeIds: number[] = [];
  for (const p of places) {
    placeIds.push(
      await insertPlace(
        db,
        {
          name: p.name,
          address: p.address,
          postalCode: p.postalCode,
          city: 'Örebro',
          districtId: districtIds[districts.findIndex((d) => d.slug === p.district)] ?? null,
          latitude: p.latitude,
          longitude: p.longitude,
          accessibility: p.accessibility ?? null,
          stepFree: p.stepFree,
          directions: p.directions ?? null,
        },
        now,
      ),
    );
  }
  const orgIds: number[] = [];
  for (let i = 0; i < size.organisations; i++) {
    const tpl = orgTemplates[i % orgTemplates.length]!;
    orgIds.push(
      await insertOrganisation(
        db,
        {
          ...tpl,
          slug: `${tpl.slug}-${i}`,
          name: i < orgTemplates.length ? tpl.name : `${tpl.name} ${Math.floor(i / orgTemplates.length) + 1}`,
          website: tpl.website ?? null,
          email: tpl.email ?? null,
          phone: tpl.phone ?? null,
          contactName: tpl.contactName ?? null,
          published: true,
          districtIds: [pick(districtIds)],
        },
        now,
      ),
    );
  }
  const hours = ['09:00', '10:00', '13:00', '15:00', '16:30', '17:00', '17:30', '18:00', '18:30', '19:00'];
  for (let i = 0; i < size.activities; i++) {
    const tpl = templates[i % templates.length]!;
    const start = pick(hours);
    const [h, m] = start.split(':').map(Number);
    const end = `${String(h! + 2).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const r = rand();
    const recurrence: Schedule['recurrence'] =
      r < 0.7
        ? { kind: 'weekly', interval: 1, weekdays: [pick(WEEKDAYS)] }
        : r < 0.85
          ? { kind: 'weekly', interval: 2, weekdays: [pick(WEEKDAYS)] }
          : r < 0.95
            ? { kind: 'monthly', nth: 1 + Math.floor(rand() * 4), weekday: pick(WEEKDAYS) }
            : { kind: 'once' };
    const input: ActivityInput = {
        title: `${tpl.title} ${i + 1}`,
        description: tpl.description,
        category: i < templates.length ? tpl.category : pick(CATEGORY_CODES),
        audience: i < templates.length ? tpl.audience : pick(AUDIENCES),
        ageGroups: tpl.ageGroups,
        gender: tpl.gender ?? 'all',
        isFree: tpl.isFree,
        costText: tpl.costText ?? null,
        registration: tpl.registration,
        contactName: tpl.contactName ?? null,
        contactPhone: tpl.contactPhone ?? null,
        contactEmail: tpl.contactEmail ?? null,
        placeId: pick(placeIds),
        status: 'published',
        hostIds: [pick(orgIds)],
        languages: tpl.languages,
        schedule: {
          recurrence,
          startDate: recurrence.kind === 'once' ? addDays(today, Math.floor(rand() * 30)) : addDays(monday, -7 * Math.floor(rand() * 30)),
          startTime: start,
          endTime: end,
          validUntil: null,
          pauses: rand() < 0.3 ? [{ fromDate: `${today.slice(0, 4)}-12-21`, toDate: `${Number(today.slice(0, 4)) + 1}-01-06`, note: null }] : [],
          exceptions: [],
          changes: [],
        },
      };
    // The store's write, each activity in its own transaction (the commands would also audit every one).
    await inTransaction(db, (trx) => insertActivity(trx, input, now, today));
  }
}

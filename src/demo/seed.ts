/** Loads the Örebro demo data set, with dates relative to today so the calendar always looks current. */
import type { Db } from '../db/index.js';
import { createActivity, expandSchedule, findActivity, inputOf, parseRRule, type ActivityInput, type Schedule } from '../features/calendar/index.js';
import { insertRevision } from '../features/workspace/index.js';
import { insertWish, submitCase, updateCase } from '../features/guide/index.js';
import { seedAssociationsDemo } from '../features/guide/index.js';
import { createOrganisation } from '../features/organisations/index.js';
import { seedEventsDemo, seedMailingDemo, seedVolunteersDemo } from '../features/network/index.js';
import { seedFreshnessDemo } from '../features/freshness/index.js';
import { seedJoiningDemo } from '../features/network/index.js';
import { seedSurveyDemo } from '../features/network/index.js';
import { insertDistrict, insertPlace } from '../features/places/index.js';
import { addDays, localToday, startOfIsoWeek } from '../web/time.js';
import { activities, districts, organisations, places } from './data.js';
import type { DemoActivity } from './types.js';
import { saveTranslation } from '../features/translation/index.js';
import { activityTranslations, organisationTranslations, type DemoTranslation } from './translations.js';

/** The summer breaks of this year and next: midsummer week to mid-August. */
function summerBreaks(today: string): Schedule['pauses'] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1].map((y) => ({ fromDate: `${y}-06-20`, toDate: `${y}-08-16`, note: 'Sommaruppehåll' }));
}

export function demoSchedule(a: DemoActivity, today: string): Schedule {
  const monday = startOfIsoWeek(today);
  const s = a.schedule;
  const schedule: Schedule = {
    recurrence: parseRRule(s.rrule),
    startDate: addDays(monday, s.startOffsetDays),
    startTime: s.startTime,
    endTime: s.endTime,
    validUntil: null,
    pauses: s.summerBreak ? summerBreaks(today) : [],
    exceptions: [],
    changes: [],
  };
  if (s.cancelNextWithNote) {
    const next = expandSchedule(schedule, today, addDays(today, 60))[0];
    if (next) {
      schedule.changes.push({
        originalDate: next.originalDate,
        kind: 'cancelled',
        newDate: null,
        newStartTime: null,
        newEndTime: null,
        note: s.cancelNextWithNote,
      });
    }
  }
  return schedule;
}

export interface SeedResult {
  organisations: number;
  places: number;
  activities: number;
}

/** Inserts the demo data set into an empty database. */
export async function seedDemo(db: Db, now: Date): Promise<SeedResult> {
  const today = localToday(now);
  // Demo data is nobody's change: created, audited as such, in one step per activity as any other.
  const demo = { actor: null, now, today };
  const created = { action: 'activity.created' };
  const districtIds = new Map<string, number>();
  for (const d of districts) districtIds.set(d.slug, await insertDistrict(db, d));
  const orgIds = new Map<string, number>();
  for (const o of organisations) {
    const { id } = await createOrganisation(
      db,
      {
        slug: o.slug,
        name: o.name,
        kind: o.kind,
        description: o.description,
        website: o.website ?? null,
        email: o.email ?? null,
        phone: o.phone ?? null,
        contactName: o.contactName ?? null,
        trusted: o.trusted,
        published: true,
        categories: o.categories,
        districtIds: o.districts.map((slug) => districtIds.get(slug)!).filter((x) => x !== undefined),
      },
      demo,
      { action: 'organisation.created' },
    );
    orgIds.set(o.slug, id);
  }
  const placeIds = new Map<string, number>();
  for (const p of places) {
    const id = await insertPlace(
      db,
      {
        name: p.name,
        address: p.address,
        postalCode: p.postalCode,
        city: 'Örebro',
        districtId: districtIds.get(p.district) ?? null,
        latitude: p.latitude,
        longitude: p.longitude,
        accessibility: p.accessibility ?? null,
        stepFree: p.stepFree,
        directions: p.directions ?? null,
      },
      now,
    );
    placeIds.set(p.key, id);
  }
  const activityIds = new Map<string, number>();
  for (const a of activities) {
    const id = await createActivity(
      db,
      {
        title: a.title,
        description: a.description,
        category: a.category,
        audience: a.audience,
        ageGroups: a.ageGroups,
        gender: a.gender ?? 'all',
        isFree: a.isFree,
        costText: a.costText ?? null,
        registration: a.registration,
        contactName: a.contactName ?? null,
        contactPhone: a.contactPhone ?? null,
        contactEmail: a.contactEmail ?? null,
        placeId: placeIds.get(a.place) ?? null,
        status: 'published',
        hostIds: a.hosts.map((slug) => orgIds.get(slug)!).filter((x) => x !== undefined),
        languages: a.languages,
        schedule: demoSchedule(a, today),
      },
      demo,
      created,
    );
    activityIds.set(a.title, id);
  }
  const byTitle = new Map(activities.map((a) => [a.title, a]));
  const byOrg = new Map(organisations.map((o) => [o.slug, o]));
  const save = async (entity: 'activity' | 'organisation', entityId: number, field: 'title' | 'description', swedish: string, t: DemoTranslation) => {
    const text = t[field];
    if (!text) return;
    await saveTranslation(
      db,
      { entity, entityId, field, language: t.language, text, source: t.source, translator: 'Tillsammans demo', swedish: t.stale ? `${swedish} (äldre text)` : swedish },
      now,
    );
  };
  for (const [title, list] of Object.entries(activityTranslations)) {
    const a = byTitle.get(title);
    const id = activityIds.get(title);
    if (!a || id === undefined) continue;
    for (const t of list) {
      await save('activity', id, 'title', a.title, t);
      await save('activity', id, 'description', a.description, t);
    }
  }
  for (const [slug, list] of Object.entries(organisationTranslations)) {
    const o = byOrg.get(slug);
    const id = orgIds.get(slug);
    if (!o || id === undefined) continue;
    for (const t of list) await save('organisation', id, 'description', o.description, t);
  }
  await seedReviews(db, now, today, orgIds, placeIds, activityIds);
  await seedGuide(db, now, districtIds);
  await seedVolunteersDemo(db, now);
  await seedMailingDemo(db, now);
  await seedEventsDemo(db, now);
  await seedSurveyDemo(db, now);
  await seedFreshnessDemo(db, now);
  await seedJoiningDemo(db, now);
  await seedAssociationsDemo(db, now);
  return { organisations: organisations.length, places: places.length, activities: activities.length };
}

/**
 * A few things waiting in the coordinator's review queue, so the demo shows the work: a new activity
 * from an organisation that is reviewed, a change to a published one, and a confirmed tip.
 */
async function seedReviews(db: Db, now: Date, today: string, orgIds: Map<string, number>, placeIds: Map<string, number>, activityIds: Map<string, number>) {
  const eritrean = orgIds.get('eritreanska-foreningen');
  const somali = orgIds.get('somaliska-kvinnoforeningen');
  const monday = startOfIsoWeek(today);
  if (eritrean !== undefined) {
    const input: ActivityInput = {
      title: 'Sagostund på tigrinja och svenska',
      description: 'Vi läser sagor för barn på tigrinja och på svenska. Föräldrar är välkomna att sitta med. Efteråt ritar vi.',
      category: 'kultur',
      audience: 'newcomers',
      ageGroups: ['children', 'families'],
      gender: 'all',
      isFree: true,
      costText: null,
      registration: 'none',
      contactName: null,
      contactPhone: null,
      contactEmail: null,
      placeId: placeIds.get('stadsbiblioteket') ?? null,
      status: 'pending',
      hostIds: [eritrean],
      languages: ['ti'],
      schedule: { recurrence: { kind: 'weekly', interval: 2, weekdays: ['SA'] }, startDate: addDays(monday, 12), startTime: '11:00', endTime: '12:00', validUntil: null, pauses: [], exceptions: [], changes: [] },
    };
    const id = await createActivity(db, input, { actor: null, now, today }, { action: 'activity.created' });
    await insertRevision(db, { entity: 'activity', entityId: id, organisationId: eritrean, data: { input, newPlace: null }, baseVersion: null, status: 'pending', createdBy: null }, now);
  }
  const changedId = activityIds.get('Kvinnocafé i Vivalla');
  const changed = changedId === undefined ? undefined : await findActivity(db, changedId);
  if (changed && somali !== undefined) {
    const input: ActivityInput = {
      ...inputOf(changed),
      description: `${changed.description} Från januari börjar vi en halvtimme senare.`,
      schedule: { ...changed.schedule, startTime: '10:30', endTime: '12:30' },
    };
    await insertRevision(db, { entity: 'activity', entityId: changed.id, organisationId: somali, data: { input, newPlace: null }, baseVersion: changed.updatedAt, status: 'pending', createdBy: null }, now);
  }
  const tip: ActivityInput = {
    title: 'Simträning för kvinnor',
    description: 'Simträning med kvinnlig ledare. Både nybörjare och de som kan simma lite är välkomna.',
    category: 'idrott',
    audience: 'everyone',
    ageGroups: ['adults'],
    gender: 'women',
    isFree: false,
    costText: 'Entré till badhuset',
    registration: 'contact',
    contactName: null,
    contactPhone: null,
    contactEmail: null,
    placeId: null,
    status: 'pending',
    hostIds: [],
    languages: [],
    schedule: { recurrence: { kind: 'weekly', interval: 1, weekdays: ['SU'] }, startDate: addDays(monday, 13), startTime: '17:00', endTime: '18:00', validUntil: null, pauses: [], exceptions: [], changes: [] },
  };
  await insertRevision(
    db,
    { entity: 'activity', entityId: null, organisationId: null, data: { input: tip, newPlace: null, organisationName: 'Örebro Simsällskap' }, baseVersion: null, status: 'pending', submitterName: 'Amina', submitterEmail: 'amina@example.se', createdBy: null },
    now,
  );
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Seeds only a database that has no organisations yet; returns what it loaded, or null. */
export async function seedDemoIfEmpty(db: Db, now: Date): Promise<SeedResult | null> {
  if (!(await isEmpty(db))) return null;
  return seedDemo(db, now);
}

/**
 * What the föreningslots works with in the demo: three requests (one already contacted; two from a
 * mother and her son who share a phone, so the guide sees "maybe the same person" and decides), the
 * wishes newcomers have asked for at SFI visits (football for children, swimming for women, …), shown,
 * and two new ones from the form that wait for the coordinator.
 */
async function seedGuide(db: Db, now: Date, districtIds: Map<string, number>) {
  const district = (slug: string) => districtIds.get(slug) ?? null;
  await submitCase(
    db,
    {
      firstName: 'Amal',
      phone: '+46701234567',
      email: null,
      contactLanguage: 'ar',
      ageGroup: 'adult',
      districtId: district('vivalla'),
      interests: ['sprakcafe', 'idrott'],
      interestText: 'Simning, gärna bara för kvinnor',
      freeDays: ['TU', 'TH'],
      freeTimes: ['evening'],
      onBehalf: true,
      helperName: 'Sara, lärare på SFI',
    },
    now,
  );
  const second = await submitCase(
    db,
    {
      firstName: 'Yonas',
      phone: null,
      email: 'yonas@example.se',
      contactLanguage: 'ti',
      ageGroup: 'youth',
      districtId: district('baronbackarna'),
      interests: ['idrott'],
      interestText: 'Fotboll',
      freeDays: ['SA', 'SU'],
      freeTimes: ['daytime'],
      onBehalf: false,
      helperName: null,
    },
    now,
  );
  await updateCase(db, second.case, { status: 'contacted' }, now);
  await submitCase(
    db,
    {
      firstName: 'Omar',
      phone: '+46701234567',
      email: null,
      contactLanguage: 'ar',
      ageGroup: 'youth',
      districtId: district('vivalla'),
      interests: ['idrott'],
      interestText: 'Basket',
      freeDays: ['WE', 'SA'],
      freeTimes: ['evening'],
      onBehalf: false,
      helperName: null,
    },
    now,
  );
  const wishes: [string | null, string | null, string, string][] = [
    ['idrott', 'Fotboll för barn', 'child', 'vivalla'],
    ['idrott', 'Fotboll för barn', 'child', 'vivalla'],
    ['idrott', 'Fotboll för barn', 'child', 'brickebacken'],
    ['idrott', 'Simning för kvinnor', 'adult', 'vivalla'],
    ['idrott', 'Simning för kvinnor', 'adult', 'brickebacken'],
    ['idrott', 'Gymnastik för barn', 'child', 'baronbackarna'],
    ['sprakcafe', 'Öva engelska', 'adult', 'centrum'],
    ['natur', null, 'adult', 'vivalla'],
  ];
  for (const [category, text, ageGroup, slug] of wishes) {
    await insertWish(db, { category, text, ageGroup, districtId: district(slug), source: 'public', caseId: null, status: 'approved' }, now);
  }
  for (const [category, text, ageGroup, slug] of [
    ['kultur', 'Sy kläder tillsammans', 'adult', 'brickebacken'],
    ['idrott', 'Cykla – lära sig', 'adult', 'vivalla'],
  ] as const) {
    await insertWish(db, { category, text, ageGroup, districtId: district(slug), source: 'public', caseId: null }, now);
  }
}

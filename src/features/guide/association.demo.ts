/**
 * Demo knowledge of two associations (fictional contacts): contacts for integration, visits and
 * meetings, needs flags, and Röda Korset's homework help showing publicly that it looks for volunteers.
 */
import type { Db } from '../../db/index.js';
import { addDays, localToday } from '../../web/time.js';
import type { ContactInput, VisitInput } from './association.js';
import { setFlags, setPublicNeeds } from './association.commands.js';
import { insertContact, insertVisit } from './association.store.js';

interface DemoAssociation {
  slug: string;
  contacts: ContactInput[];
  /** Days before today, kind and note. */
  visits: (Omit<VisitInput, 'date' | 'guideId'> & { daysAgo: number })[];
  flags: Parameters<typeof setFlags>[2];
  /** Activity titles that show "we are looking for volunteers". */
  showsVolunteers: string[];
}

const DEMO: DemoAssociation[] = [
  {
    slug: 'roda-korset-orebro',
    contacts: [
      { name: 'Maria Lindqvist', role: 'Samordnare för läxhjälpen', phone: '070-000 11 22', email: 'maria.lindqvist@rodakorset.example.org', reach: 'Bäst på tisdagar efter kl. 13, helst sms först.' },
      { name: 'Yusuf Ahmed', role: 'Volontär, talar arabiska och somaliska', phone: '070-000 33 44', email: null, reach: 'Ring på kvällar.' },
    ],
    visits: [
      { daysAgo: 3, kind: 'visit', note: 'Besökte läxhjälpen i Vivalla. Många barn, de behöver fler vuxna på tisdagar.' },
      { daysAgo: 24, kind: 'meeting', note: 'Möte med styrelsen om hur vi hänvisar familjer. De tar gärna emot nya barn.' },
    ],
    flags: { welcomesNewcomers: 'yes', hasRoom: 'yes', needsVolunteers: 'yes', needsParticipants: 'unknown' },
    showsVolunteers: ['Läxhjälp för barn i årskurs 1–6'],
  },
  {
    slug: 'traffpunkt-oxhagen',
    contacts: [{ name: 'Leila Karimi', role: 'Verksamhetsledare', phone: '019-00 00 00', email: 'leila@traffpunkt-oxhagen.example.org', reach: 'Vardagar 9–12.' }],
    visits: [
      { daysAgo: 10, kind: 'phone', note: 'Luncherna är fulla före jul. Fråga igen i januari.' },
      { daysAgo: 45, kind: 'visit', note: 'Visade runt. Personalen talar dari och arabiska.' },
    ],
    flags: { welcomesNewcomers: 'yes', hasRoom: 'no', needsVolunteers: 'no', needsParticipants: 'no' },
    showsVolunteers: [],
  },
];

export async function seedAssociationsDemo(db: Db, now: Date): Promise<void> {
  const today = localToday(now);
  for (const demo of DEMO) {
    const org = await db.selectFrom('organisations').select('id').where('slug', '=', demo.slug).executeTakeFirst();
    if (!org) continue;
    for (const c of demo.contacts) await insertContact(db, org.id, c, null, now);
    for (const v of demo.visits) await insertVisit(db, org.id, { date: addDays(today, -v.daysAgo), kind: v.kind, guideId: null, note: v.note }, null, now);
    await setFlags(db, org.id, demo.flags, null, now);
    for (const title of demo.showsVolunteers) {
      const activity = await db.selectFrom('activities').select('id').where('title', '=', title).executeTakeFirst();
      if (activity) await setPublicNeeds(db, activity.id, ['volunteers'], null, now);
    }
  }
}

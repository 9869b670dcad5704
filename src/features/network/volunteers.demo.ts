/** Demo volunteer roles of a few demo organisations, and a January campaign with sign-ups (fictional people, already forwarded). */
import type { Db } from '../../db/index.js';
import { insertCampaign, insertRole, insertSignup } from './volunteers.commands.js';
import { markForwarded } from './volunteers.store.js';
import type { RoleInput } from './volunteers.js';

type DemoRole = Omit<RoleInput, 'districtId'> & { organisation: string; district: string | null };

const ROLES: DemoRole[] = [
  {
    organisation: 'kompisbyran-orebro',
    kind: 'fikakompis',
    title: 'Fikakompis – träffa en ny vän över en fika',
    description: 'Vi matchar dig med en person som är ny i Örebro. Ni ses på ett café eller tar en promenad och pratar svenska i lugn takt. Du behöver inte kunna något särskilt, bara vara nyfiken.',
    frequency: 'biweekly',
    hours: 2,
    minMonths: 6,
    swedish: 'fluent',
    languages: [],
    benefits: ['training', 'fika', 'community'],
    district: null,
    contactEmail: 'volontar@kompisbyran.example.org',
    status: 'open',
  },
  {
    organisation: 'roda-korset-orebro',
    kind: 'homework',
    title: 'Läxhjälp för mellanstadiet i Vivalla',
    description: 'Hjälp barn i årskurs 4–6 med matte, svenska och engelska på tisdagseftermiddagar. Vi har en samordnare på plats varje gång.',
    frequency: 'weekly',
    hours: 2,
    minMonths: 4,
    swedish: 'fluent',
    languages: ['ar', 'so'],
    benefits: ['training', 'insurance', 'reference'],
    district: 'vivalla',
    contactEmail: 'laxhjalp@rodakorset.example.org',
    status: 'open',
  },
  {
    organisation: 'traffpunkt-oxhagen',
    kind: 'cafe_host',
    title: 'Värd på språkcaféet',
    description: 'Ta emot gästerna, koka kaffe och håll igång samtalen vid ett av borden. Passar dig som tycker om att prata med nya människor.',
    frequency: 'weekly',
    hours: 3,
    minMonths: null,
    swedish: 'fluent',
    languages: ['ar', 'ti', 'uk'],
    benefits: ['fika', 'community'],
    district: 'oxhagen',
    contactEmail: 'cafe@traffpunkt-oxhagen.example.org',
    status: 'open',
  },
  {
    organisation: 'abf-orebro',
    kind: 'mentor',
    title: 'Mentor för nya i arbetslivet',
    description: 'Träffa en person som vill in på arbetsmarknaden en gång i månaden: prata om cv, yrken och hur en arbetsplats fungerar i Sverige.',
    frequency: 'monthly',
    hours: 2,
    minMonths: 12,
    swedish: 'fluent',
    languages: ['en'],
    benefits: ['training', 'reference', 'community'],
    district: null,
    contactEmail: 'mentor@abf.example.org',
    status: 'open',
  },
  {
    organisation: 'ukrainska-foreningen',
    kind: 'other',
    title: 'Chaufför till föreningens utflykter',
    description: 'Kör föreningens hyrda minibuss till utflykter några helger om året. Körkort för B krävs.',
    frequency: 'flexible',
    hours: null,
    minMonths: null,
    swedish: 'some',
    languages: ['uk', 'ru'],
    benefits: ['expenses', 'insurance'],
    district: null,
    contactEmail: 'info@ukrainska.example.org',
    status: 'open',
  },
];

/** Fictional sign-ups from the January campaign's posters: [role index, name]. */
const SIGNUPS: [number, string][] = [
  [0, 'Anna Demosson'],
  [0, 'Erik Exempelsson'],
  [0, 'Sara Provsdotter'],
  [1, 'Jonas Testare'],
  [1, 'Maja Låtsasdotter'],
  [2, 'Leila Exempel'],
];

export async function seedVolunteersDemo(db: Db, now: Date): Promise<void> {
  const organisations = new Map((await db.selectFrom('organisations').select(['id', 'slug']).execute()).map((o) => [o.slug, o.id]));
  const districts = new Map((await db.selectFrom('districts').select(['id', 'slug']).execute()).map((d) => [d.slug, d.id]));
  const roleIds: number[] = [];
  for (const { organisation, district, ...role } of ROLES) {
    const organisationId = organisations.get(organisation);
    if (organisationId === undefined) continue;
    roleIds.push(await insertRole(db, organisationId, { ...role, districtId: district === null ? null : (districts.get(district) ?? null) }, now));
  }
  const campaignId = await insertCampaign(db, { name: 'Kompisvecka januari 2027', slug: 'kompisvecka-januari-2027', createdBy: null }, now);
  for (const [index, name] of SIGNUPS) {
    const roleId = roleIds[index];
    const role = ROLES[index];
    const organisationId = role ? organisations.get(role.organisation) : undefined;
    if (roleId === undefined || !role || organisationId === undefined) continue;
    const email = `${name.split(' ')[0]!.toLowerCase().replace('å', 'a')}@example.org`;
    const id = await insertSignup(db, { roleId, organisationId, campaignId, kind: role.kind, name, email, phone: null, message: null, language: 'sv' }, now);
    await markForwarded(db, id, now);
  }
}

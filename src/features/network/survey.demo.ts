/**
 * The demo's mapping survey: the open round "Kartläggning 2026" with answers of several demo
 * organisations (some shown publicly, some only for the coordinator, one filled in during a talk,
 * one organisation that shows nothing, one draft), so the report has numbers to show.
 */
import type { Db } from '../../db/index.js';
import { addDays, localToday } from '../../web/time.js';
import { openRound, saveResponse } from './survey.commands.js';
import { DEFAULT_QUESTIONS, type Answer, type Answers, type ResponseStatus } from './survey.js';

/** The fictional coordinator who held the mapping talks. */
const COORDINATOR = 'Maria Lind';

type DemoAnswer = string | string[] | { value: string | string[]; other?: string; public?: boolean };

interface DemoResponse {
  organisation: string;
  /** 'submitted' unless said otherwise. */
  status?: ResponseStatus;
  /** Days before today it was last saved. */
  daysAgo: number;
  talk?: boolean;
  /** Whether its answers are public where an answer says nothing itself; true when left out. */
  shown?: boolean;
  answers: Record<string, DemoAnswer>;
}

const RESPONSES: DemoResponse[] = [
  {
    organisation: 'roda-korset-orebro',
    daysAgo: 40,
    answers: {
      activities: ['language_cafe', 'homework', 'advice'],
      description: 'Språkcafé varje torsdag på Röda Korsets lokal och läxhjälp i Vivalla på tisdagar. Ungefär 30 personer kommer varje vecka. Vi hjälper också till med frågor om myndigheter.',
      targetGroups: ['asylum_seekers', 'newcomers', 'families'],
      plans: 'yes',
      plansText: 'Vi vill starta en samtalsgrupp för kvinnor på lördagar. Vi behöver en lokal med barnpassning.',
      cooperation: ['associations', 'municipality', 'sfi'],
      support: ['premises', 'volunteers'],
      network: 'yes',
      networkContact: 'Anna Berg, integration@rodakorset.example.org',
    },
  },
  {
    organisation: 'kompisbyran-orebro',
    daysAgo: 35,
    answers: {
      activities: ['mentoring'],
      description: 'Vi matchar personer som är nya i Sverige med personer som har bott här länge. De träffas och pratar svenska över en fika.',
      targetGroups: ['newcomers', 'adults', 'young'],
      plans: 'maybe',
      cooperation: { value: ['associations', 'study_associations'], public: false },
      support: { value: ['funding', 'reaching'], public: false },
      network: 'yes',
    },
  },
  {
    organisation: 'traffpunkt-oxhagen',
    daysAgo: 30,
    talk: true,
    answers: {
      activities: ['language_cafe', 'meeting_place', 'children_families'],
      description: 'Öppen mötesplats med språkcafé på onsdagar och familjeträff på fredagar.',
      targetGroups: ['families', 'women', 'children'],
      plans: 'no',
      cooperation: ['municipality'],
      support: ['premises', 'funding'],
      network: 'maybe',
    },
  },
  {
    organisation: 'abf-orebro',
    daysAgo: 21,
    answers: {
      activities: ['language_cafe', 'culture', 'work'],
      description: 'Studiecirklar i svenska, språkcafé och en cirkel om att söka jobb i Sverige.',
      targetGroups: ['newcomers', 'adults'],
      plans: 'yes',
      plansText: 'Datakurs för nybörjare på arabiska och svenska under våren.',
      cooperation: ['sfi', 'employment_service', 'study_associations'],
      support: ['reaching', 'translation'],
      network: 'yes',
      networkContact: 'Lars Ek, lars.ek@abf.example.org',
    },
  },
  {
    organisation: 'somaliska-kvinnoforeningen',
    daysAgo: 18,
    talk: true,
    answers: {
      activities: ['meeting_place', 'children_families', 'advice'],
      description: 'Kvinnor träffas varje vecka, lagar mat tillsammans och får hjälp med frågor om skola och vård.',
      targetGroups: ['women', 'families'],
      plans: 'yes',
      plansText: { value: 'Simskola för kvinnor om vi hittar en hall med kvinnliga ledare.', public: false },
      cooperation: ['none'],
      support: { value: ['premises', 'funding', 'translation'], public: false },
      network: 'yes',
    },
  },
  {
    organisation: 'ukrainska-foreningen',
    daysAgo: 12,
    answers: {
      activities: { value: ['meeting_place', 'children_families', 'other'], other: 'Lördagsskola på ukrainska' },
      targetGroups: ['families', 'children', 'seniors'],
      plans: 'maybe',
      cooperation: ['associations', 'faith'],
      support: ['premises', 'volunteers'],
      network: 'yes',
    },
  },
  {
    organisation: 'fritidsbanken-orebro',
    daysAgo: 8,
    answers: {
      activities: ['sport'],
      targetGroups: ['children', 'young', 'families'],
      plans: 'no',
      cooperation: ['municipality'],
      support: ['none'],
      network: 'no',
    },
  },
  {
    // Interviewed, but chose not to be shown: its answers count for the coordinator only.
    organisation: 'orebro-stadsmission',
    daysAgo: 25,
    talk: true,
    shown: false,
    answers: {
      activities: ['advice', 'meeting_place'],
      description: 'Rådgivning och ett dagcenter som är öppet för alla.',
      plans: 'yes',
      support: ['volunteers', 'funding'],
      network: 'maybe',
    },
  },
  {
    organisation: 'eritreanska-foreningen',
    status: 'draft',
    daysAgo: 3,
    answers: {
      activities: ['culture', 'children_families'],
      description: 'Sagostunder på tigrinja och svenska för barn.',
    },
  },
];

function toAnswer(a: DemoAnswer, shown: boolean): Answer {
  if (typeof a === 'string' || Array.isArray(a)) return { value: a, other: '', public: shown };
  return { value: a.value, other: a.other ?? '', public: a.public ?? shown };
}

export async function seedSurveyDemo(db: Db, now: Date): Promise<void> {
  const today = localToday(now);
  const at = (daysAgo: number) => new Date(`${addDays(today, -daysAgo)}T10:00:00Z`);
  const { id: roundId } = await openRound(db, { year: 2026, title: 'Kartläggning 2026', questions: [...DEFAULT_QUESTIONS], createdBy: null }, at(60));
  const organisations = await db.selectFrom('organisations').select(['id', 'slug']).execute();
  const ids = new Map(organisations.map((o) => [o.slug, o.id]));
  for (const r of RESPONSES) {
    const organisationId = ids.get(r.organisation);
    if (organisationId === undefined) continue;
    const answers: Answers = {};
    for (const [key, a] of Object.entries(r.answers)) answers[key] = toAnswer(a, r.shown ?? true);
    // Contact details are never public, whatever the rest says.
    if (answers.networkContact) answers.networkContact.public = false;
    await saveResponse(db, { roundId, organisationId, expectedRevision: 0, status: r.status ?? 'submitted', answers, talkWith: r.talk ? COORDINATOR : null, userId: null }, at(r.daysAgo));
  }
}

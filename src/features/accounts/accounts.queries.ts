/** Reads of users other features use: one user, the coordinator's user list, the editors of organisations. */
import type { Db } from '../../db/index.js';
import type { User } from './user.js';

type UserRow = {
  id: number;
  email: string;
  name: string;
  passwordHash: string | null;
  isAdmin: number;
  isGuide: number;
  isTranslator: number;
  active: number;
  lastLoginAt: string | null;
};

async function withOrganisations(db: Db, rows: UserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('userOrganisations')
    .select(['userId', 'organisationId'])
    .where('userId', 'in', rows.map((r) => r.id))
    .orderBy('organisationId')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    hasPassword: r.passwordHash !== null,
    isAdmin: r.isAdmin === 1,
    isGuide: r.isGuide === 1,
    isTranslator: r.isTranslator === 1,
    active: r.active === 1,
    organisationIds: links.filter((l) => l.userId === r.id).map((l) => l.organisationId),
    lastLoginAt: r.lastLoginAt,
  }));
}

const USER_COLUMNS = ['id', 'email', 'name', 'passwordHash', 'isAdmin', 'isGuide', 'isTranslator', 'active', 'lastLoginAt'] as const;

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).execute();
  return (await withOrganisations(db, rows))[0];
}

/** A user and the stored password hash (for signing in), by normalised e-mail. */
export async function findUserForLogin(db: Db, email: string): Promise<{ user: User; passwordHash: string | null } | undefined> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email).execute();
  const [user] = await withOrganisations(db, rows);
  return user ? { user, passwordHash: rows[0]!.passwordHash } : undefined;
}

/** Users whose e-mail or name contains `q`, by e-mail. */
export async function listUsers(db: Db, filter: { q?: string; limit: number; offset: number }): Promise<User[]> {
  let query = db.selectFrom('users').select(USER_COLUMNS).orderBy('email').limit(filter.limit).offset(filter.offset);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
  }
  return withOrganisations(db, await query.execute());
}

export async function countUsers(db: Db, q?: string): Promise<number> {
  let query = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'));
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
  }
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

/** The editors of each of these organisations (active or not), by e-mail. */
export async function listEditorsOf(db: Db, organisationIds: number[]): Promise<Map<number, { id: number; name: string; email: string; active: boolean }[]>> {
  const out = new Map<number, { id: number; name: string; email: string; active: boolean }[]>();
  if (organisationIds.length === 0) return out;
  const rows = await db
    .selectFrom('userOrganisations as uo')
    .innerJoin('users as u', 'u.id', 'uo.userId')
    .select(['uo.organisationId', 'u.id', 'u.name', 'u.email', 'u.active'])
    .where('uo.organisationId', 'in', organisationIds)
    .orderBy('u.email')
    .execute();
  for (const r of rows) {
    const list = out.get(r.organisationId) ?? [];
    list.push({ id: r.id, name: r.name, email: r.email, active: r.active === 1 });
    out.set(r.organisationId, list);
  }
  return out;
}

/** The active editors of an organisation (for telling them about their changes). */
export async function listOrganisationEditors(db: Db, organisationId: number): Promise<{ id: number; email: string; name: string }[]> {
  return db
    .selectFrom('userOrganisations as uo')
    .innerJoin('users as u', 'u.id', 'uo.userId')
    .select(['u.id', 'u.email', 'u.name'])
    .where('uo.organisationId', '=', organisationId)
    .where('u.active', '=', 1)
    .orderBy('u.id')
    .execute();
}

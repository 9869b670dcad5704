/**
 * An organisation's needs on its activity's public page: "We are looking for volunteers" (with links
 * to its open volunteer roles) and "Welcome, we have room for more", each shown only when a guide
 * let the activity show it and the guides' flag for the main organiser says yes now. app.ts hands
 * this to the calendar's routes beside the sign-up slot, so the calendar imports nothing of guide;
 * the organisation's volunteer roles (network) come through app.ts too, as network depends on guide.
 */
import type { VNode } from 'preact';
import type { Db } from '../../db/index.js';
import { usePage } from '../../web/page.js';
import type { ActivityDetail, ExpandedOccurrence } from '../calendar/index.js';
import { shownNeeds, type PublicNeed } from './association.js';
import { listFlagValues, listPublicNeeds } from './association.store.js';

/** The path of a volunteer role's public page (network). */
const rolePath = (id: number) => `/jag-vill-hjalpa-till/${id}`;

export function PublicNeeds(props: { needs: PublicNeed[]; roles: { id: number; title: string }[] }) {
  const { t, href } = usePage();
  return (
    <section class="public-needs" aria-labelledby="needs-heading">
      <h2 id="needs-heading" class="visually-hidden">
        {t('guide.publicNeeds.heading')}
      </h2>
      <ul class="tags">
        {props.needs.map((n) => (
          <li key={n} class="tag badge-ok">
            {t(`guide.publicNeeds.${n}`)}
          </li>
        ))}
      </ul>
      {props.needs.includes('volunteers') && props.roles.length > 0 ? (
        <>
          <p>{t('guide.publicNeeds.roles')}</p>
          <ul class="link-list">
            {props.roles.map((r) => (
              <li key={r.id}>
                <a href={href(rolePath(r.id))} lang="sv">
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** An organisation's volunteer roles, as network lists them. */
export type RolesOf = (db: Db, organisationId: number) => Promise<{ id: number; title: string; status: string }[]>;

/** The calendar's activity slot for needs: nothing unless a need is opted in and its flag says yes. */
export const associationNeedsSlot = (rolesOf: RolesOf) => async (db: Db, activity: ActivityDetail, _upcoming: ExpandedOccurrence[], _now: Date): Promise<VNode | null> => {
  const host = activity.hosts[0];
  if (!host) return null;
  const optedIn = (await listPublicNeeds(db, [activity.id])).get(activity.id) ?? [];
  if (optedIn.length === 0) return null;
  const needs = shownNeeds(optedIn, (await listFlagValues(db, [host.id])).get(host.id) ?? {});
  if (needs.length === 0) return null;
  const roles = needs.includes('volunteers') ? (await rolesOf(db, host.id)).filter((r) => r.status === 'open').map((r) => ({ id: r.id, title: r.title })) : [];
  return <PublicNeeds needs={needs} roles={roles} />;
};

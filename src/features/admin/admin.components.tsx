/** What every coordinator screen shares: the admin navigation, the status notice and date-times. */
import { usePage } from '../../web/page.js';
export { DateTime } from '../../web/components.js';

const SECTIONS = [
  { path: '/admin/granska', label: 'review.title' },
  { path: '/admin/anvandare', label: 'admin.users.title' },
  { path: '/admin/organisationer', label: 'admin.organisations.title' },
  { path: '/admin/nya-foreningar', label: 'joining.admin.title' },
  { path: '/admin/aktiviteter', label: 'admin.activities.title' },
  { path: '/admin/platser', label: 'admin.places.title' },
  { path: '/admin/utkorg', label: 'admin.outbox.title' },
  { path: '/admin/onskemal', label: 'guide.wishes.admin.title' },
  { path: '/admin/volontarer', label: 'network.volunteers.admin.title' },
  { path: '/admin/utskick', label: 'network.mailing.admin.title' },
  { path: '/admin/kartlaggning', label: 'survey.admin.title' },
  { path: '/admin/kalendrar', label: 'imports.admin.title' },
  { path: '/admin/jobb', label: 'admin.jobs.title' },
  { path: '/planering/krockar', label: 'planning.clashes.link' },
] as const;

/** Links to every coordinator screen; the one the page belongs to is marked current. */
export function AdminNav() {
  const { t, href, path } = usePage();
  return (
    <nav aria-label={t('admin.nav')} class="chips">
      <ul>
        {SECTIONS.map((s) => {
          const current = path === s.path || path.startsWith(`${s.path}/`);
          return (
            <li key={s.path}>
              <a class="chip" href={href(s.path)} aria-current={current ? 'page' : undefined}>
                {t(s.label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}



/** Text for screen readers only, e.g. which row a repeated button acts on. */
export function Hidden(props: { children: string }) {
  return <span class="visually-hidden">{props.children}</span>;
}

/** The search box above an admin list, and how many the list holds (announced after a search). */
export function ListSearch(props: { action: string; id: string; label: string; q: string; count: string }) {
  const { t } = usePage();
  return (
    <>
      <form method="get" action={props.action} role="search" class="search-form">
        <label for={props.id}>{props.label}</label>
        <div class="search-row">
          <input id={props.id} name="q" type="search" value={props.q} maxLength={100} />
          <button type="submit" class="button">
            {t('search.submit')}
          </button>
        </div>
      </form>
      <p class="result-count" role="status">
        {props.count}
      </p>
    </>
  );
}

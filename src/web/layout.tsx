/** The frame of every page: head, header with language picker and navigation, footer. */
import type { ComponentChildren } from 'preact';
import { LANGUAGES, languagePrefix } from '../i18n/index.js';
import { Icon } from './icon.js';
import { usePage } from './page.js';

export interface LayoutProps {
  title: string;
  description?: string;
  /** Which top navigation item is current. */
  section?: 'week' | 'categories' | 'organisations' | 'search' | 'info';
  /** Extra <head> children, e.g. alternate links to calendar files. */
  head?: ComponentChildren;
  /** Open Graph type: 'website' for lists, 'article' for one activity or organisation. */
  ogType?: 'website' | 'article';
  children: ComponentChildren;
}

/** Every language in its own name and script, one tap each; the choice is remembered (/sprak/<code>). */
function LanguagePicker() {
  const page = usePage();
  const back = encodeURIComponent(page.path + page.search);
  return (
    <nav class="languages" aria-label={page.t('layout.chooseLanguage')}>
      <Icon name="globe" />
      <ul>
        {LANGUAGES.map((l) => (
          <li key={l.code}>
            <a
              href={`/sprak/${l.code}?next=${back}`}
              lang={l.code}
              hreflang={l.code}
              dir={l.dir}
              aria-current={l.code === page.lang.code ? 'true' : undefined}
            >
              {l.nativeName}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function NavLink(props: { href: string; current: boolean; icon: Parameters<typeof Icon>[0]['name']; children: string }) {
  return (
    <li>
      <a href={props.href} aria-current={props.current ? 'page' : undefined}>
        <Icon name={props.icon} />
        <span>{props.children}</span>
      </a>
    </li>
  );
}

export function Layout(props: LayoutProps) {
  const page = usePage();
  const { t, lang, href } = page;
  const title = `${props.title} – ${t('layout.siteName')}`;
  return (
    <html lang={lang.code} dir={lang.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="canonical" href={`${page.publicUrl}${href(page.path)}${page.search}`} />
        <meta property="og:site_name" content={t('layout.siteName')} />
        <meta property="og:title" content={props.title} />
        {props.description ? <meta property="og:description" content={props.description} /> : null}
        <meta property="og:type" content={props.ogType ?? 'website'} />
        <meta property="og:url" content={`${page.publicUrl}${href(page.path)}${page.search}`} />
        <meta property="og:locale" content={lang.intl.replace('-', '_')} />
        <link rel="stylesheet" href={page.assets.url('styles.css')} />
        <link rel="icon" href={page.assets.url('favicon.svg')} type="image/svg+xml" />
        <link rel="alternate" type="application/atom+xml" title={t('feeds.atom.title')} href={href('/nytt.atom')} />
        {LANGUAGES.map((l) => (
          <link key={l.code} rel="alternate" hreflang={l.code} href={`${page.publicUrl}${languagePrefix(l.code)}${page.path === '/' && l.code !== 'sv' ? '' : page.path}${page.search}`} />
        ))}
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <LanguagePicker />
          <div class="bar">
            <a class="brand" href={href('/')}>
              <img src={page.assets.url('favicon.svg')} alt="" width="32" height="32" />
              <span>
                {t('layout.siteName')} <small>{t('layout.city')}</small>
              </span>
            </a>
            {page.signedIn ? (
              <div class="user-links">
                {page.signedIn.isAdmin ? (
                  <a class="account-link" href={href('/admin')}>
                    <Icon name="inbox" />
                    <span>{t('layout.admin')}</span>
                  </a>
                ) : null}
                {page.signedIn.isGuide ? (
                  <a class="account-link" href={href('/lots')}>
                    <Icon name="handshake" />
                    <span>{t('layout.guide')}</span>
                  </a>
                ) : null}
                {page.signedIn.isTranslator ? (
                  <a class="account-link" href={href('/oversatt')}>
                    <Icon name="languages" />
                    <span>{t('layout.translate')}</span>
                  </a>
                ) : null}
                {page.signedIn.isEditor ? (
                  <a class="account-link" href={href('/hantera')}>
                    <Icon name="pencil" />
                    <span>{t('layout.manage')}</span>
                  </a>
                ) : null}
                <a class="account-link" href={href('/konto')}>
                  <Icon name="user-round" />
                  <span>{t('layout.account')}</span>
                </a>
              </div>
            ) : null}
          </div>
          <nav class="main-nav" aria-label={t('layout.mainNavigation')}>
            <ul>
              <NavLink href={href('/')} current={props.section === 'week'} icon="calendar">
                {t('layout.nav.week')}
              </NavLink>
              <NavLink href={href('/kategorier')} current={props.section === 'categories'} icon="sliders-horizontal">
                {t('layout.nav.categories')}
              </NavLink>
              <NavLink href={href('/organisationer')} current={props.section === 'organisations'} icon="building">
                {t('layout.nav.organisations')}
              </NavLink>
              <NavLink href={href('/sok')} current={props.section === 'search'} icon="search">
                {t('layout.nav.search')}
              </NavLink>
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <ul>
            <li>
              <a href={href('/om')}>{t('layout.footer.about')}</a>
            </li>
            <li>
              <a href={href('/integritet')}>{t('layout.footer.privacy')}</a>
            </li>
            <li>
              <a href={href('/tillganglighet')}>{t('layout.footer.accessibility')}</a>
            </li>
            <li>
              <a href={href('/planering')}>{t('planning.title')}</a>
            </li>
            <li>
              <a href={href('/tipsa')}>{t('layout.footer.suggest')}</a>
            </li>
            <li>
              <a href={href('/hitta-forening')}>{t('layout.footer.findAssociation')}</a>
            </li>
            <li>
              <a href={href('/efterfragas')}>{t('layout.footer.wishes')}</a>
            </li>
            <li>
              <a href={href('/jag-vill-hjalpa-till')}>{t('network.volunteers.public.title')}</a>
            </li>
            <li>
              <a href={href('/nyhetsbrev')}>{t('network.mailing.public.title')}</a>
            </li>
            <li>
              <a href={href('/var-med')}>{t('joining.public.link')}</a>
            </li>
            {page.signedIn ? null : (
              <li>
                <a href={href('/logga-in')}>{t('layout.signIn')}</a>
              </li>
            )}
          </ul>
          <p>{t('layout.footer.runBy')}</p>
        </footer>
      </body>
    </html>
  );
}

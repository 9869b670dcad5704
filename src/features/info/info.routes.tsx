/** About, privacy and accessibility statement: texts from the catalogues, one page each. */
import type { FastifyInstance } from 'fastify';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';

type InfoKey = 'about' | 'privacy' | 'accessibility';

interface InfoSection {
  heading: string;
  paragraphs: string[];
}

/** The supervisory authority for the Swedish web accessibility law (DOS-lagen): DIGG's complaint page. */
export const SUPERVISORY_AUTHORITY_URL = 'https://www.digg.se/tdosanmalan';
export const ACCESSIBILITY_EMAIL = 'tillganglighet@tillsammans.example';

function InfoPage(props: { which: InfoKey }) {
  const { t, href } = usePage();
  const listed = t(`info.${props.which}.sections`, { returnObjects: true }) as unknown as InfoSection[];
  // Sections features add by name (info.<page>.more.<name>), shown before the last one (the rights).
  const more = (t as unknown as (key: string, options: object) => unknown)(`info.${props.which}.more`, { returnObjects: true });
  const added = more && typeof more === 'object' ? (Object.values(more) as InfoSection[]) : [];
  const sections = added.length > 0 ? [...listed.slice(0, -1), ...added, ...listed.slice(-1)] : listed;
  return (
    <Layout title={t(`info.${props.which}.title`)} section="info" description={t(`info.${props.which}.lead`)}>
      <article class="prose">
        <h1>{t(`info.${props.which}.title`)}</h1>
        <p class="lead">{t(`info.${props.which}.lead`)}</p>
        {sections.map((s) => (
          <section key={s.heading}>
            <h2>{s.heading}</h2>
            {s.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
        ))}
        {props.which === 'about' ? (
          <p>
            <a href={href('/var-med')}>{t('joining.public.link')}</a>
          </p>
        ) : null}
        {props.which === 'accessibility' ? (
          <section>
            <h2>{t('info.accessibility.contactHeading')}</h2>
            <p>
              {t('info.accessibility.reportProblem')}{' '}
              <a href={`mailto:${ACCESSIBILITY_EMAIL}`}>
                <bdi>{ACCESSIBILITY_EMAIL}</bdi>
              </a>
            </p>
            <h2>{t('info.accessibility.supervisionHeading')}</h2>
            <p>
              {t('info.accessibility.supervision')}{' '}
              <a href={SUPERVISORY_AUTHORITY_URL} rel="external noopener">
                {t('info.accessibility.supervisionLink')}
              </a>
            </p>
          </section>
        ) : null}
      </article>
    </Layout>
  );
}

export async function infoRoutes(app: FastifyInstance): Promise<void> {
  const pages: [string, InfoKey][] = [
    ['/om', 'about'],
    ['/integritet', 'privacy'],
    ['/tillganglighet', 'accessibility'],
  ];
  for (const [path, which] of pages) {
    app.get(path, { config: { access: 'public' } }, async (request, reply) =>
      sendPage(reply, pageContext(request), <InfoPage which={which} />),
    );
  }
}

/**
 * The translator's workspace: a queue per language of texts that are missing, outdated or machine
 * made (most read first), a side-by-side editor with the glossary, and the glossary itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANGUAGES, localesDir } from '../../i18n/index.js';
import { HttpError, notFound } from '../../web/errors.js';
import { positiveId } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { canEditOrganisation } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { findActivity, listActivityTexts } from '../calendar/index.js';
import { findAnyOrganisation, listOrganisationTexts } from '../organisations/index.js';
import { listPlaceTexts } from '../places/index.js';
import { viewCounts } from '../stats/index.js';
import {
  MachineTranslationError,
  TRANSLATABLE,
  createMachineTranslator,
  findTranslations,
  listTranslationsIn,
  saveTranslation,
  type MachineTranslator,
  type TranslatableEntity,
} from '../translation/index.js';
import { mergeGlossary, termsIn } from './glossary.js';
import { buildQueue, stateOf, type QueueItem, type SourceText } from './queue.js';
import { listGlossary, saveGlossaryEntry } from './translator.store.js';
import { EditorPage, GlossaryPage, QueuePage, type CatalogueStatus } from './translator.page.js';

const PAGE_SIZE = 50;
/** The longest translation of each field, like the Swedish fields' own limits. */
export const FIELD_LIMITS: Record<string, number> = { title: 120, description: 4000, directions: 1000 };
const TARGETS = LANGUAGES.filter((l) => l.code !== 'sv').map((l) => l.code);
const langParam = { type: 'string', enum: TARGETS } as const;
const editorParams = {
  type: 'object',
  required: ['lang', 'entity', 'id', 'field'],
  properties: {
    lang: langParam,
    entity: { type: 'string', enum: Object.keys(TRANSLATABLE) },
    id: positiveId,
    field: { type: 'string', enum: ['title', 'description', 'directions'] },
  },
} as const;

interface EditorParams {
  lang: string;
  entity: TranslatableEntity;
  id: number;
  field: string;
}

/** How a language's catalogue was produced and whether a native speaker has checked it. */
function catalogueStatus(code: string): CatalogueStatus | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(localesDir(), `${code}.status.json`), 'utf8')) as CatalogueStatus;
  } catch {
    return null;
  }
}

export async function translatorRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.deps;
  const machine: MachineTranslator | undefined = config.machineTranslation ? createMachineTranslator(config.machineTranslation) : undefined;

  /** Every translatable Swedish text with how often its page is read, or those of one entity. */
  const sources = async (only?: { entity: TranslatableEntity; id: number }): Promise<SourceText[]> => {
    const ids = (entity: TranslatableEntity) => (only ? (only.entity === entity ? [only.id] : []) : undefined);
    const [activities, organisations, places, activityViews, organisationViews] = await Promise.all([
      listActivityTexts(db, ids('activity')),
      listOrganisationTexts(db, ids('organisation')),
      listPlaceTexts(db, ids('place')),
      viewCounts(db, 'activity', ids('activity')),
      viewCounts(db, 'organisation', ids('organisation')),
    ]);
    return [
      ...activities.flatMap((a) => [
        { entity: 'activity' as const, entityId: a.id, field: 'title', label: a.title, swedish: a.title, views: activityViews.get(a.id) ?? 0 },
        { entity: 'activity' as const, entityId: a.id, field: 'description', label: a.title, swedish: a.description, views: activityViews.get(a.id) ?? 0 },
      ]),
      ...organisations.map((o) => ({ entity: 'organisation' as const, entityId: o.id, field: 'description', label: o.name, swedish: o.description, views: organisationViews.get(o.id) ?? 0 })),
      ...places.map((p) => ({ entity: 'place' as const, entityId: p.id, field: 'directions', label: p.name, swedish: p.directions, views: 0 })),
    ];
  };

  app.get('/oversatt', { config: { access: 'translator' } }, async (request, reply) => {
    const page = pageContext(request);
    return reply.redirect(page.href(`/oversatt/${page.lang.code === 'sv' ? 'ar' : page.lang.code}`), 303);
  });

  app.get<{ Params: { lang: string }; Querystring: { page?: number; sparad?: string } }>(
    '/oversatt/:lang',
    {
      config: { access: 'translator' },
      schema: {
        params: { type: 'object', required: ['lang'], properties: { lang: langParam } },
        querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: 10000 }, sparad: { type: 'string', enum: ['saved', 'approved'] } } },
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const pageNo = request.query.page ?? 1;
      const queue = buildQueue(await sources(), await listTranslationsIn(db, lang));
      const counts = { missing: 0, outdated: 0, machine: 0 };
      for (const item of queue) counts[item.state]++;
      return sendPage(
        reply,
        pageContext(request),
        <QueuePage
          language={lang}
          items={queue.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE)}
          total={queue.length}
          counts={counts}
          page={pageNo}
          pageSize={PAGE_SIZE}
          status={catalogueStatus(lang)}
          saved={request.query.sparad}
        />,
      );
    },
  );

  /** The source text of an editor URL, or 404. */
  const sourceOf = async (p: EditorParams): Promise<QueueItem | SourceText> => {
    if (!(TRANSLATABLE[p.entity] as readonly string[]).includes(p.field)) throw notFound();
    const found = (await sources({ entity: p.entity, id: p.id })).find((s) => s.field === p.field);
    if (!found || found.swedish.trim() === '') throw notFound();
    return found;
  };

  /**
   * The side-by-side editor at `path` (translators use /oversatt/..., an organisation's editors the
   * same editor inside their workspace). `authorise` throws when the viewer may not translate this text.
   */
  const registerEditor = (options: {
    path: string;
    access: 'translator' | 'editor';
    params: Record<string, unknown>;
    authorise: (request: FastifyRequest, p: EditorParams & { org?: string }) => Promise<void>;
    urlOf: (p: EditorParams & { org?: string }) => string;
    back: (request: FastifyRequest, p: EditorParams & { org?: string }) => { href: string; label: string };
    done: (p: EditorParams & { org?: string }, saved: string) => string;
  }) => {
    const editorPage = async (request: FastifyRequest<{ Params: EditorParams & { org?: string } }>, reply: FastifyReply, state: { text?: string; error?: string; notice?: string; status?: number } = {}) => {
      const p = request.params;
      const page = pageContext(request);
      const source = await sourceOf(p);
      const existing = (await findTranslations(db, p.entity, [p.id], p.lang)).get(`${p.id}:${p.field}`);
      const glossary = mergeGlossary(p.lang, await listGlossary(db, p.lang));
      return sendPage(
        reply,
        page,
        <EditorPage
          language={p.lang}
          source={source}
          existing={existing}
          state={stateOf(source.swedish, existing)}
          text={state.text ?? existing?.text ?? ''}
          terms={termsIn(source.swedish, glossary)}
          maxLength={FIELD_LIMITS[p.field] ?? 4000}
          machineAvailable={machine !== undefined}
          error={state.error}
          notice={state.notice}
          csrf={reply.generateCsrf()}
          action={page.href(options.urlOf(p))}
          back={options.back(request, p)}
        />,
        state.status ?? 200,
      );
    };

    app.get<{ Params: EditorParams & { org?: string } }>(options.path, { config: { access: options.access }, schema: { params: options.params } }, async (request, reply) => {
      await options.authorise(request, request.params);
      return editorPage(request, reply);
    });

    app.post<{ Params: EditorParams & { org?: string }; Body: { text?: string; action?: string } }>(
      options.path,
      {
        config: { access: options.access },
        schema: {
          params: options.params,
          body: { type: 'object', properties: { text: { type: 'string', maxLength: 8000 }, action: { type: 'string', enum: ['save', 'approve', 'machine'] } } },
        },
      },
      async (request, reply) => {
        const page = pageContext(request);
        const p = request.params;
        await options.authorise(request, p);
        const viewer = request.viewer!;
        const source = await sourceOf(p);
        const text = (request.body.text ?? '').replace(/\r\n?/g, '\n').trim();
        const action = request.body.action ?? 'save';
        const who = viewer.name || viewer.email;
        const at = now();
        const base = { entity: p.entity, entityId: p.id, field: p.field, language: p.lang, swedish: source.swedish };
        if (action === 'machine') {
          if (!machine) throw new HttpError(400, 'errors.badRequest');
          try {
            const [draft] = await machine.translate([source.swedish], 'sv', p.lang);
            const drafted = (draft ?? '').slice(0, FIELD_LIMITS[p.field] ?? 4000);
            await saveTranslation(db, { ...base, text: drafted, source: 'machine', translator: machine.name }, at);
            await recordAudit(db, { actorUserId: viewer.id, action: 'translation.machine', entity: p.entity, entityId: p.id, after: { field: p.field, language: p.lang } }, at);
            return editorPage(request, reply, { text: drafted, notice: 'translator.editor.machineDrafted' });
          } catch (error) {
            if (!(error instanceof MachineTranslationError)) throw error;
            request.log.warn({ code: error.code, status: error.status }, 'machine translation failed');
            return editorPage(request, reply, { text, error: `translator.mt.${error.code.replace('translation.mt.', '')}`, status: 502 });
          }
        }
        if (text === '') return editorPage(request, reply, { text, error: 'translator.errors.textRequired', status: 400 });
        if (text.length > (FIELD_LIMITS[p.field] ?? 4000)) return editorPage(request, reply, { text, error: 'translator.errors.textTooLong', status: 400 });
        // Saving by a person, with or without changes, makes it a human translation of the current Swedish.
        await saveTranslation(db, { ...base, text, source: 'human', translator: who }, at);
        await recordAudit(db, { actorUserId: viewer.id, action: action === 'approve' ? 'translation.approved' : 'translation.saved', entity: p.entity, entityId: p.id, after: { field: p.field, language: p.lang, text } }, at);
        return reply.redirect(page.href(options.done(p, action === 'approve' ? 'approved' : 'saved')), 303);
      },
    );
  };

  registerEditor({
    path: '/oversatt/:lang/:entity/:id/:field',
    access: 'translator',
    params: editorParams,
    authorise: async () => {},
    urlOf: (p) => `/oversatt/${p.lang}/${p.entity}/${p.id}/${p.field}`,
    back: (request, p) => ({ href: pageContext(request).href(`/oversatt/${p.lang}`), label: pageContext(request).t('translator.title') }),
    done: (p, saved) => `/oversatt/${p.lang}?sparad=${saved}`,
  });

  // An organisation's editors translate their own activities and profile in their workspace.
  registerEditor({
    path: '/hantera/:org/oversatt/:lang/:entity/:id/:field',
    access: 'editor',
    params: { ...editorParams, required: [...editorParams.required, 'org'], properties: { ...editorParams.properties, org: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' } } },
    authorise: async (request, p) => {
      const o = await findAnyOrganisation(db, { slug: p.org! });
      if (!o) throw notFound();
      if (!canEditOrganisation(request.viewer, o.id)) throw new HttpError(403, 'errors.forbidden');
      if (p.entity === 'organisation' && p.id !== o.id) throw notFound();
      if (p.entity === 'activity' && !(await findActivity(db, p.id, { includeUnpublished: true }))?.hosts.some((h) => h.id === o.id)) throw notFound();
      if (p.entity === 'place') throw notFound();
    },
    urlOf: (p) => `/hantera/${p.org}/oversatt/${p.lang}/${p.entity}/${p.id}/${p.field}`,
    back: (request, p) => ({
      href: pageContext(request).href(p.entity === 'activity' ? `/hantera/${p.org}/aktivitet/${p.id}#translations` : `/hantera/${p.org}/profil#translations`),
      label: pageContext(request).t('translator.editor.backToWorkspace'),
    }),
    done: (p) => (p.entity === 'activity' ? `/hantera/${p.org}/aktivitet/${p.id}?oversatt=1#translations` : `/hantera/${p.org}/profil?oversatt=1#translations`),
  });

  // --- the glossary ----------------------------------------------------------------------------------

  const glossaryPage = async (request: FastifyRequest, reply: FastifyReply, lang: string, state: { form?: { term: string; translation: string; note: string }; errors?: Record<string, string>; saved?: boolean; status?: number } = {}) =>
    sendPage(
      reply,
      pageContext(request),
      <GlossaryPage
        language={lang}
        entries={mergeGlossary(lang, await listGlossary(db, lang))}
        form={state.form ?? { term: '', translation: '', note: '' }}
        errors={state.errors ?? {}}
        saved={state.saved ?? false}
        csrf={reply.generateCsrf()}
      />,
      state.status ?? 200,
    );

  app.get<{ Params: { lang: string }; Querystring: { sparad?: string } }>(
    '/oversatt/:lang/ordlista',
    { config: { access: 'translator' }, schema: { params: { type: 'object', required: ['lang'], properties: { lang: langParam } }, querystring: { type: 'object', properties: { sparad: { type: 'string', maxLength: 1 } } } } },
    async (request, reply) => glossaryPage(request, reply, request.params.lang, { saved: request.query.sparad !== undefined }),
  );

  app.post<{ Params: { lang: string }; Body: { term?: string; translation?: string; note?: string } }>(
    '/oversatt/:lang/ordlista',
    {
      config: { access: 'translator' },
      schema: {
        params: { type: 'object', required: ['lang'], properties: { lang: langParam } },
        body: { type: 'object', properties: { term: { type: 'string', maxLength: 500 }, translation: { type: 'string', maxLength: 1000 }, note: { type: 'string', maxLength: 2000 } } },
      },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const lang = request.params.lang;
      const form = { term: (request.body.term ?? '').trim(), translation: (request.body.translation ?? '').trim(), note: (request.body.note ?? '').trim() };
      const errors: Record<string, string> = {};
      if (form.term === '') errors.term = 'translator.errors.termRequired';
      else if (form.term.length > 80) errors.term = 'translator.errors.termTooLong';
      if (form.translation === '') errors.translation = 'translator.errors.textRequired';
      else if (form.translation.length > 200) errors.translation = 'translator.errors.termTooLong';
      if (form.note.length > 500) errors.note = 'translator.errors.noteTooLong';
      if (Object.keys(errors).length > 0) return glossaryPage(request, reply, lang, { form, errors, status: 400 });
      await saveGlossaryEntry(db, { term: form.term, language: lang, translation: form.translation, note: form.note || null }, request.viewer!.id, now());
      await recordAudit(db, { actorUserId: request.viewer!.id, action: 'glossary.saved', entity: 'glossary', entityId: null, after: { ...form, language: lang } }, now());
      return reply.redirect(`${page.href(`/oversatt/${lang}/ordlista`)}?sparad=1`, 303);
    },
  );
}

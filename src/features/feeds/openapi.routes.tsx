/**
 * The API's documentation: an OpenAPI 3 document generated from the same JSON schemas that validate
 * requests (@fastify/swagger), served as JSON and as a readable page without scripts.
 */
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { Layout } from '../../web/layout.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; enum?: string[]; pattern?: string; minimum?: number; maximum?: number };
  description?: string;
}

interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
}

type Paths = Record<string, Record<string, Operation>>;

/** Registers the generator at the root so it sees every route, but documents only /api/v1. */
export const openApiGenerator = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tillsammans API',
        version: '1.0.0',
        description:
          'Read-only JSON about activities and organisations for newcomers in Örebro. Dates are local to Europe/Stockholm (YYYY-MM-DD); instants are UTC. CORS is open; requests are rate-limited per client.',
      },
      servers: [{ url: app.deps.config.publicUrl }],
    },
    hideUntagged: false,
    transform: ({ schema, url }) => ({ schema: url.startsWith('/api/v1/') ? schema : { ...schema, hide: true }, url }),
  });
});

function describeSchema(s: Parameter['schema']): string {
  if (!s) return '';
  if (s.enum) return s.enum.join(' | ');
  const parts = [s.type ?? ''];
  if (s.pattern) parts.push(`/${s.pattern}/`);
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`${s.minimum ?? ''}–${s.maximum ?? ''}`);
  return parts.filter(Boolean).join(' ');
}

function DocsPage(props: { paths: Paths }) {
  return (
    <Layout title="API">
      <article class="prose api-docs">
        <h1>Tillsammans API</h1>
        <p lang="en">
          Read-only JSON, versioned under <code>/api/v1</code>. The machine-readable description is at{' '}
          <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3).
        </p>
        {Object.entries(props.paths).map(([path, methods]) =>
          Object.entries(methods).map(([method, op]) => (
            <section key={`${method} ${path}`} lang="en">
              <h2>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h2>
              {op.parameters && op.parameters.length > 0 ? (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">parameter</th>
                      <th scope="col">in</th>
                      <th scope="col">values</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`}>
                        <td>
                          <code>{p.name}</code>
                          {p.required ? ' *' : ''}
                        </td>
                        <td>{p.in}</td>
                        <td>
                          <code>{describeSchema(p.schema)}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </section>
          )),
        )}
      </article>
    </Layout>
  );
}

/** /api/openapi.json and /api/docs. */
export async function openApiRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/openapi.json', { config: { access: 'public' } }, async () => app.swagger());
  app.get('/api/docs', { config: { access: 'public' } }, async (request, reply) => {
    const spec = app.swagger() as { paths?: Paths };
    return sendPage(reply, pageContext(request), <DocsPage paths={spec.paths ?? {}} />);
  });
}

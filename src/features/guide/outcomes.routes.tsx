/** /lots/statistik: the guide's and the coordinator's figures, computed from case rows without personal fields. */
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { listDistricts } from '../places/index.js';
import { lastMonths, monthStart, outcomeReport } from './outcomes.js';
import { listCaseOutcomeRows } from './outcomes.store.js';
import { OutcomesPage } from './outcomes.page.js';

export async function outcomeRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;

  app.get('/lots/statistik', { config: { access: 'guide' } }, async (request, reply) => {
    const at = now();
    const since = monthStart(lastMonths(at)[0]!);
    const [rows, districts] = await Promise.all([listCaseOutcomeRows(db, since), listDistricts(db)]);
    return sendPage(reply, pageContext(request), <OutcomesPage report={outcomeReport(rows, at)} districts={districts} />);
  });
}

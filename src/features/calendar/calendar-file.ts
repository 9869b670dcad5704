/** Builds iCalendar files from activities as a page sees them: texts in the reader's language, links to our pages. */
import type { FastifyReply } from 'fastify';
import type { PageContext } from '../../web/page.js';
import { addDays } from '../../web/time.js';
import { activityPath, type ActivityDetail } from './activity.js';
import { activitiesToIcs, type IcsActivity } from './ics.js';
import type { ActivityTexts } from './localise.js';

/** How far ahead calendar files write exceptions and changes. */
const HORIZON_DAYS = 400;

export function icsActivity(page: PageContext, a: ActivityDetail, texts: ActivityTexts): IcsActivity {
  const host = a.hosts[0];
  const url = `${page.publicUrl}${page.href(activityPath(a))}`;
  return {
    id: a.id,
    title: texts.title.text,
    description: texts.description.text ? `${texts.description.text}\n\n${url}` : url,
    location: a.place ? `${a.place.name}, ${a.place.address}, ${a.place.city}` : null,
    url,
    category: page.t(`taxonomy.category.${a.category}`),
    organiser: host?.email ? { name: host.name, email: host.email } : null,
    schedule: a.schedule,
  };
}

/** Sends an iCalendar file; `download` makes browsers save it rather than subscribe. */
export function sendCalendar(
  reply: FastifyReply,
  page: PageContext,
  list: IcsActivity[],
  options: { name: string; filename: string; download: boolean; now: Date },
): FastifyReply {
  const ics = activitiesToIcs(list, {
    host: new URL(page.publicUrl).hostname,
    now: options.now,
    horizon: addDays(page.today, HORIZON_DAYS),
    name: options.name,
    language: page.lang.code,
  });
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `${options.download ? 'attachment' : 'inline'}; filename="${options.filename}"`)
    .send(ics);
}

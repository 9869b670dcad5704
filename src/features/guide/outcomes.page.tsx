/** The guide's statistics page: requests per month, days to first contact, the share who joined, by interest and district. */
import type { Language } from '../../i18n/index.js';
import { formatDate } from '../../i18n/index.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import type { District } from '../places/index.js';
import type { Breakdown, OutcomeFigures, OutcomeReport } from './outcomes.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the page's language (Latin digits, like the dates), cached per language and style. */
export function formatNumber(lang: Language, n: number, style: 'integer' | 'decimal' | 'percent' = 'integer'): string {
  const key = `${lang.intl}|${style}`;
  let f = numberFormats.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions =
      style === 'percent' ? { style: 'percent', maximumFractionDigits: 0 } : style === 'decimal' ? { maximumFractionDigits: 1 } : { maximumFractionDigits: 0 };
    f = new Intl.NumberFormat(lang.intl, { ...options, numberingSystem: 'latn' } as Intl.NumberFormatOptions);
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** "november 2026" in the page's language, Gregorian. */
function formatMonth(lang: Language, month: string): string {
  return new Intl.DateTimeFormat(lang.intl, { month: 'long', year: 'numeric', timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' } as Intl.DateTimeFormatOptions).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** A figure, or a dash that screen readers hear as "no data". */
function Figure(props: { value: number | null; style?: 'integer' | 'decimal' | 'percent' }) {
  const { t, lang } = usePage();
  if (props.value === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">{t('guide.stats.noData')}</span>
      </>
    );
  }
  return (
    <bdi dir="ltr" class="figure">
      {formatNumber(lang, props.value, props.style)}
    </bdi>
  );
}

/** A table that scrolls inside its own box on a narrow screen, reachable by keyboard when it does. */
function ScrollTable(props: { id: string; caption: string; note?: string; head: string[]; rows: { key: string; label: preact.ComponentChildren; cells: preact.ComponentChildren[] }[] }) {
  return (
    <div class="table-wrap table-scroll" role="region" aria-labelledby={`${props.id}-caption`} tabIndex={0}>
      <table class="data-table stats-table" id={props.id}>
        <caption id={`${props.id}-caption`}>
          {props.caption}
          {props.note ? <span class="hint"> {props.note}</span> : null}
        </caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function outcomeCells(f: OutcomeFigures) {
  return [<Figure value={f.cases} />, <Figure value={f.requests} />, <Figure value={f.medianDaysToContact} style="decimal" />, <Figure value={f.closed} />, <Figure value={f.joined} />, <Figure value={f.joinedShare} style="percent" />];
}

export interface OutcomesPageProps {
  report: OutcomeReport;
  districts: District[];
}

export function OutcomesPage(props: OutcomesPageProps) {
  const { t, lang } = usePage();
  const tr = t as unknown as (key: string) => string;
  const { report } = props;
  const title = t('guide.stats.title');
  const from = formatDate(lang, report.months[0]!.month + '-01', 'dayMonthYear');
  const breakdownHead = (first: string) => [first, t('guide.stats.cases'), t('guide.stats.requests'), t('guide.stats.medianDays'), t('guide.stats.closed'), t('guide.stats.joined'), t('guide.stats.share')];
  const interestName = (b: Breakdown<string | null>) => (b.key === null ? t('guide.stats.noInterest') : tr(`taxonomy.category.${b.key}`));
  const districtName = (b: Breakdown<number | null>) => (b.key === null ? t('guide.stats.noDistrict') : (props.districts.find((d) => d.id === b.key)?.name ?? String(b.key)));
  const total = report.total;
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('guide.stats.lead')}</p>
      <p>{t('guide.stats.period', { from })}</p>

      <section aria-labelledby="stats-summary">
        <h2 id="stats-summary">{t('guide.stats.summaryHeading')}</h2>
        <dl class="facts-inline">
          <dt>{t('guide.stats.cases')}</dt>
          <dd>
            <Figure value={total.cases} />
          </dd>
          <dt>{t('guide.stats.requests')}</dt>
          <dd>
            <Figure value={total.requests} />
          </dd>
          <dt>{t('guide.stats.medianDays')}</dt>
          <dd>
            <Figure value={total.medianDaysToContact} style="decimal" />
          </dd>
          <dt>{t('guide.stats.closed')}</dt>
          <dd>
            <Figure value={total.closed} />
          </dd>
          <dt>{t('guide.stats.joined')}</dt>
          <dd>
            <Figure value={total.joined} />
          </dd>
          <dt>{t('guide.stats.share')}</dt>
          <dd>
            <Figure value={total.joinedShare} style="percent" />
          </dd>
        </dl>
        <p class="hint">{t('guide.stats.shareNote')}</p>
        {total.cases === 0 ? <p>{t('guide.stats.empty')}</p> : null}
      </section>

      <ScrollTable
        id="stats-months"
        caption={t('guide.stats.monthCaption')}
        head={[t('guide.stats.month'), t('guide.stats.cases'), t('guide.stats.requests'), t('guide.stats.medianDays')]}
        rows={[...report.months].reverse().map((m) => ({
          key: m.month,
          label: formatMonth(lang, m.month),
          cells: [<Figure value={m.cases} />, <Figure value={m.requests} />, <Figure value={m.medianDaysToContact} style="decimal" />],
        }))}
      />
      {report.byInterest.length > 0 ? (
        <ScrollTable
          id="stats-interests"
          caption={t('guide.stats.interestCaption')}
          note={t('guide.stats.interestNote')}
          head={breakdownHead(t('guide.stats.interest'))}
          rows={report.byInterest.map((b) => ({ key: String(b.key), label: interestName(b), cells: outcomeCells(b) }))}
        />
      ) : null}
      {report.byDistrict.length > 0 ? (
        <ScrollTable
          id="stats-districts"
          caption={t('guide.stats.districtCaption')}
          head={breakdownHead(t('guide.stats.district'))}
          rows={report.byDistrict.map((b) => ({ key: String(b.key), label: districtName(b), cells: outcomeCells(b) }))}
        />
      ) : null}
    </Layout>
  );
}

/** "Not confirmed since …": compact in lists, with a word of advice on the activity's own page. */
import { formatDate } from '../../i18n/index.js';
import { Icon } from '../../web/icon.js';
import { usePage } from '../../web/page.js';
import { confirmedDate } from './freshness.js';

/** The note for an activity last confirmed at `since` (an ISO instant), or nothing when there is none. */
export function UnconfirmedNote(props: { since: string | undefined | null; long?: boolean }) {
  const { t, lang } = usePage();
  if (props.since === undefined || props.since === null) return null;
  const date = confirmedDate(props.since);
  const text = date ? t('freshness.note', { date: formatDate(lang, date, 'dayMonthYear') }) : t('freshness.never');
  if (!props.long) {
    return (
      <span class="badge badge-unconfirmed">
        <Icon name="clock" />
        {text}
      </span>
    );
  }
  return (
    <div class="notice notice-warning unconfirmed" id="unconfirmed">
      <p>
        <strong>{text}</strong>
      </p>
      <p>{t('freshness.advice')}</p>
    </div>
  );
}

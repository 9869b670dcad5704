/**
 * The fields of the activity form, in the order an organiser thinks of them: what, when, where,
 * for whom, cost and contact. The workspace, a proposal's "change before approving" and the public
 * suggestion form all use it; the caller wraps it in its own <form> with CSRF field and buttons.
 */
import { languageName } from '../../i18n/index.js';
import { CheckboxField, ChoiceGroup, ErrorSummary, Field, SelectField, TextArea } from '../../web/components.js';
import { usePage } from '../../web/page.js';
import { WEEKDAYS } from '../calendar/index.js';
import { PlaceFields, type District } from '../places/index.js';
import { AGE_GROUPS, AUDIENCES, CATEGORY_CODES, GENDERS, REGISTRATIONS, SPOKEN_LANGUAGES } from '../taxonomy/index.js';
import { LIX_WARNING_THRESHOLD, lix } from '../translation/index.js';
import { weekdayName } from '../../i18n/index.js';
import { ACTIVITY_LIMITS, MONTHLY_INTERVALS, MONTHLY_NTHS, REPEATS, type ActivityForm } from './activity-form.js';

export interface ActivityFieldChoices {
  places: { id: number; name: string; address: string }[];
  districts: District[];
  /** Organisations that may run it together with this one; empty hides the field. */
  coHosts: { id: number; name: string }[];
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** The labels of every field, for the error summary's links. */
export function activityFieldLabels(t: T): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const f of [
    'title',
    'description',
    'category',
    'audience',
    'ageGroups',
    'gender',
    'costText',
    'registration',
    'contactName',
    'contactPhone',
    'contactEmail',
    'placeId',
    'languages',
    'coHostId',
    'repeat',
    'startDate',
    'startTime',
    'endTime',
    'weekdays',
    'monthlyNth',
    'monthlyInterval',
    'validUntil',
  ]) {
    labels[f] = t(`workspace.fields.${f}`);
  }
  for (const f of ['name', 'address', 'postalCode', 'city', 'districtId', 'latitude', 'longitude', 'accessibility', 'directions']) {
    labels[`newPlace.${f}`] = `${t('workspace.fields.newPlace')}: ${t(`places.fields.${f}`)}`;
  }
  return labels;
}

function LixHint(props: { text: string }) {
  const { t } = usePage();
  if (props.text.trim().split(/\s+/).length < 20) return null;
  const result = lix(props.text);
  const hard = result.score >= LIX_WARNING_THRESHOLD;
  return (
    <p class={hard ? 'hint lix lix-hard' : 'hint lix'} id="lix-hint">
      {t(hard ? 'workspace.lix.hard' : 'workspace.lix.ok', { score: Math.round(result.score) })}{' '}
      <a href="https://www.isof.se/lattlast" rel="external noopener">
        {t('workspace.lix.help')}
      </a>
    </p>
  );
}

export function ActivityFields(props: { form: ActivityForm; errors: Record<string, string>; choices: ActivityFieldChoices }) {
  const page = usePage();
  const t = page.t as unknown as T;
  const { form, errors, choices } = props;
  const option = (value: string, label: string) => ({ value, label });
  return (
    <>
      <ErrorSummary errors={errors} labels={activityFieldLabels(t)} />
      <input type="hidden" name="version" value={form.version} />

      <fieldset class="form-section">
        <legend>{t('workspace.sections.what')}</legend>
        <Field name="title" label={t('workspace.fields.title')} hint={t('workspace.hints.title')} value={form.title} error={errors.title} required maxLength={ACTIVITY_LIMITS.title} />
        <SelectField
          name="category"
          label={t('workspace.fields.category')}
          value={form.category}
          error={errors.category}
          required
          options={[option('', t('workspace.choose')), ...CATEGORY_CODES.map((c) => option(c, t(`taxonomy.category.${c}`)))]}
        />
        <TextArea
          name="description"
          label={t('workspace.fields.description')}
          hint={t('workspace.hints.description')}
          value={form.description}
          error={errors.description}
          maxLength={ACTIVITY_LIMITS.description}
          rows={6}
          extra={<LixHint text={form.description} />}
        />
        <ChoiceGroup
          name="languages"
          type="checkbox"
          legend={t('workspace.fields.languages')}
          hint={t('workspace.hints.languages')}
          options={SPOKEN_LANGUAGES.map((l) => option(l, languageName(page.lang, l)))}
          selected={form.languages}
          error={errors.languages}
        />
        {choices.coHosts.length > 0 ? (
          <SelectField
            name="coHostId"
            label={t('workspace.fields.coHostId')}
            hint={t('workspace.hints.coHostId')}
            value={form.coHostId}
            error={errors.coHostId}
            options={[option('', t('workspace.noCoHost')), ...choices.coHosts.map((o) => option(String(o.id), o.name))]}
          />
        ) : null}
      </fieldset>

      <fieldset class="form-section">
        <legend>{t('workspace.sections.when')}</legend>
        <ChoiceGroup
          name="repeat"
          type="radio"
          legend={t('workspace.fields.repeat')}
          options={REPEATS.map((r) => option(r, t(`workspace.repeat.${r}`)))}
          selected={[form.repeat]}
          error={errors.repeat}
        />
        <div class="field-grid">
          <Field name="startDate" type="date" label={t('workspace.fields.startDate')} hint={t('workspace.hints.startDate')} value={form.startDate} error={errors.startDate} required />
          <Field name="startTime" type="time" label={t('workspace.fields.startTime')} value={form.startTime} error={errors.startTime} required />
          <Field name="endTime" type="time" label={t('workspace.fields.endTime')} value={form.endTime} error={errors.endTime} required />
        </div>
        <ChoiceGroup
          name="weekdays"
          type="checkbox"
          legend={t('workspace.fields.weekdays')}
          hint={t('workspace.hints.weekdays')}
          options={WEEKDAYS.map((d, i) => option(d, weekdayName(page.lang, i + 1)))}
          selected={form.weekdays}
          error={errors.weekdays}
        />
        <SelectField
          name="monthlyNth"
          label={t('workspace.fields.monthlyNth')}
          hint={t('workspace.hints.monthlyNth')}
          value={form.monthlyNth}
          error={errors.monthlyNth}
          options={MONTHLY_NTHS.map((n) => option(n, t(`workspace.nth.${n === '-1' ? 'last' : n}`)))}
        />
        <SelectField
          name="monthlyInterval"
          label={t('workspace.fields.monthlyInterval')}
          hint={t('workspace.hints.monthlyInterval')}
          value={form.monthlyInterval}
          error={errors.monthlyInterval}
          options={MONTHLY_INTERVALS.map((n) => option(n, t(`workspace.monthlyInterval.${n}`)))}
        />
        <Field name="validUntil" type="date" label={t('workspace.fields.validUntil')} hint={t('workspace.hints.validUntil')} value={form.validUntil} error={errors.validUntil} />
        <CheckboxField name="runsOnHolidays" label={t('workspace.fields.runsOnHolidays')} hint={t('workspace.hints.runsOnHolidays')} checked={form.runsOnHolidays} />
      </fieldset>

      <fieldset class="form-section">
        <legend>{t('workspace.sections.where')}</legend>
        <SelectField
          name="placeId"
          label={t('workspace.fields.placeId')}
          value={form.placeId}
          error={errors.placeId}
          options={[
            option('', t('workspace.noPlace')),
            ...choices.places.map((p) => option(String(p.id), `${p.name}, ${p.address}`)),
            option('new', t('workspace.newPlaceOption')),
          ]}
        />
        <details class="new-place" open={form.placeId === 'new'}>
          <summary>{t('workspace.fields.newPlace')}</summary>
          <p class="hint">{t('workspace.hints.newPlace')}</p>
          <PlaceFields form={form.newPlace} errors={prefixed(errors, 'newPlace.')} districts={choices.districts} prefix="newPlace" />
        </details>
      </fieldset>

      <fieldset class="form-section">
        <legend>{t('workspace.sections.who')}</legend>
        <ChoiceGroup
          name="audience"
          type="radio"
          legend={t('workspace.fields.audience')}
          options={AUDIENCES.map((a) => option(a, t(`taxonomy.audience.${a}`)))}
          selected={[form.audience]}
          error={errors.audience}
        />
        <ChoiceGroup
          name="ageGroups"
          type="checkbox"
          legend={t('workspace.fields.ageGroups')}
          hint={t('workspace.hints.ageGroups')}
          options={AGE_GROUPS.map((g) => option(g, t(`taxonomy.ageGroup.${g}`)))}
          selected={form.ageGroups}
          error={errors.ageGroups}
        />
        <ChoiceGroup
          name="gender"
          type="radio"
          legend={t('workspace.fields.gender')}
          options={GENDERS.map((g) => option(g, t(`workspace.gender.${g}`)))}
          selected={[form.gender]}
          error={errors.gender}
        />
      </fieldset>

      <fieldset class="form-section">
        <legend>{t('workspace.sections.cost')}</legend>
        <ChoiceGroup
          name="isFree"
          type="radio"
          legend={t('workspace.fields.isFree')}
          options={[option('true', t('workspace.free')), option('false', t('workspace.costs'))]}
          selected={[String(form.isFree)]}
        />
        <Field name="costText" label={t('workspace.fields.costText')} hint={t('workspace.hints.costText')} value={form.costText} error={errors.costText} maxLength={ACTIVITY_LIMITS.costText} />
        <ChoiceGroup
          name="registration"
          type="radio"
          legend={t('workspace.fields.registration')}
          options={REGISTRATIONS.map((r) => option(r, t(`taxonomy.registration.${r}`)))}
          selected={[form.registration]}
          error={errors.registration}
        />
        <Field name="contactName" label={t('workspace.fields.contactName')} value={form.contactName} error={errors.contactName} maxLength={ACTIVITY_LIMITS.contactName} autocomplete="name" />
        <div class="field-grid">
          <Field name="contactPhone" type="tel" label={t('workspace.fields.contactPhone')} value={form.contactPhone} error={errors.contactPhone} maxLength={ACTIVITY_LIMITS.contactPhone} autocomplete="tel" />
          <Field name="contactEmail" type="email" label={t('workspace.fields.contactEmail')} value={form.contactEmail} error={errors.contactEmail} maxLength={ACTIVITY_LIMITS.contactEmail} autocomplete="email" />
        </div>
        <p class="hint">{t('workspace.hints.contact')}</p>
      </fieldset>
    </>
  );
}

/** The errors whose field starts with `prefix`, keyed without it. */
function prefixed(errors: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}


/** On the review of a tip without a host: the organisation its approval creates, when the tip names one not in Tillsammans. */
import { Field, SelectField } from '../../web/components.js';
import { usePage } from '../../web/page.js';
import { ORGANISATION_KINDS } from '../taxonomy/index.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

/** The host a tip without one gets on approval, as chosen: an organisation's id, or 'new' with the name and kind to create. */
export interface HostChoice {
  organisationId: string;
  newOrganisationName: string;
  newOrganisationKind: string;
}

/** The name and kind of the organisation a tip's approval creates, with a warning when it looks like one already here. */
export function NewHostFields(props: { host: HostChoice; lookAlikes: { id: number; name: string }[]; errors: Record<string, string> }) {
  const t = useT();
  return (
    <fieldset class="form-section">
      <legend>{t('joining.review.newHeading')}</legend>
      <p class="hint">{t('joining.review.newHint')}</p>
      {props.lookAlikes.length > 0 ? (
        <div class="notice notice-warning" role="alert">
          <p>{t('joining.admin.lookAlike', { count: props.lookAlikes.length })}</p>
          <ul>
            {props.lookAlikes.map((o) => (
              <li key={o.id}>
                <bdi>{o.name}</bdi>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Field name="newOrganisationName" label={t('joining.form.name')} value={props.host.newOrganisationName} error={props.errors.newOrganisationName} maxLength={120} />
      <SelectField
        name="newOrganisationKind"
        label={t('joining.form.kind')}
        value={props.host.newOrganisationKind}
        error={props.errors.newOrganisationKind}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`taxonomy.kind.${k}`) }))}
      />
    </fieldset>
  );
}

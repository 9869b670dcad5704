/** On the review of a tip without a host: the organisation its approval creates, when the tip names one not in Tillsammans. */
import { usePage } from '../../web/page.js';
import { LookAlikeWarning, NameKindFields } from './organisation-fields.js';

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
      <LookAlikeWarning lookAlikes={props.lookAlikes} />
      <NameKindFields
        value={{ name: props.host.newOrganisationName, kind: props.host.newOrganisationKind }}
        names={{ name: 'newOrganisationName', kind: 'newOrganisationKind' }}
        errors={props.errors}
        maxLength={120}
      />
    </fieldset>
  );
}

/**
 * What every form that makes a new organisation shows alike (joining, its approval, the coordinator's
 * direct creation, a tip's approval): the name and kind fields, and the warning that the name looks
 * like an organisation already in Tillsammans.
 */
import { Field, SelectField } from '../../web/components.js';
import { usePage } from '../../web/page.js';
import { ORGANISATION_KINDS } from '../taxonomy/index.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

/** "3 organisations with a similar name are already here" and their names (each a link when `linkOf` gives one). */
export function LookAlikeWarning(props: { lookAlikes: { id: number; name: string }[]; linkOf?: (id: number) => string; children?: preact.ComponentChildren }) {
  const t = useT();
  if (props.lookAlikes.length === 0) return null;
  return (
    <div class="notice notice-warning" role="alert">
      <p>{t('joining.admin.lookAlike', { count: props.lookAlikes.length })}</p>
      <ul>
        {props.lookAlikes.map((o) => (
          <li key={o.id}>
            {props.linkOf ? (
              <a href={props.linkOf(o.id)}>
                <bdi>{o.name}</bdi>
              </a>
            ) : (
              <bdi>{o.name}</bdi>
            )}
          </li>
        ))}
      </ul>
      {props.children}
    </div>
  );
}

/** The new organisation's name and kind (the form's own field names when it has other fields called so). */
export function NameKindFields(props: {
  value: { name: string; kind: string };
  errors: Record<string, string>;
  maxLength: number;
  names?: { name: string; kind: string };
  /** Both must be filled in (a browser hint; the server checks). */
  required?: boolean;
  /** The kind starts as "Choose…" rather than the first kind. */
  choose?: boolean;
  autocomplete?: string;
}) {
  const t = useT();
  const names = props.names ?? { name: 'name', kind: 'kind' };
  const kinds = ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`taxonomy.kind.${k}`) }));
  return (
    <>
      <Field
        name={names.name}
        label={t('joining.form.name')}
        value={props.value.name}
        error={props.errors[names.name]}
        required={props.required}
        maxLength={props.maxLength}
        autocomplete={props.autocomplete}
      />
      <SelectField
        name={names.kind}
        label={t('joining.form.kind')}
        value={props.value.kind}
        error={props.errors[names.kind]}
        required={props.required}
        options={props.choose ? [{ value: '', label: t('joining.form.choose') }, ...kinds] : kinds}
      />
    </>
  );
}

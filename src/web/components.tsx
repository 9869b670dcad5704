/** Small pieces many pages share: a dialable phone link, form fields with their errors, and a pager. */
import { Icon } from './icon.js';
import { usePage } from './page.js';

/** A tel: link for a number as people write it ("070-174 06 05" → "tel:0701740605"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** The hidden CSRF token every state-changing form carries. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** "Previous page · Page 2 of 5 · Next page"; nothing when everything fits on one page. */
export function Pager(props: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const { t } = usePage();
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('common.pagination')}>
      {props.page > 1 ? (
        <a rel="prev" href={props.hrefFor(props.page - 1)}>
          {t('common.previousPage')}
        </a>
      ) : null}
      <span>{t('common.pageOf', { page: props.page, pages: props.pages })}</span>
      {props.page < props.pages ? (
        <a rel="next" href={props.hrefFor(props.page + 1)}>
          {t('common.nextPage')}
        </a>
      ) : null}
    </nav>
  );
}

/** A labelled input with its error (in the reader's language) tied to it for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  value?: string;
  error?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  maxLength?: number;
}) {
  const { t } = usePage();
  const id = `field-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {(t as unknown as (k: string) => string)(props.error)}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** The hint above and the error (a catalogue key) below a field. */
function FieldNotes(props: { id: string; hint?: string | undefined; error?: string | undefined; position: 'hint' | 'error' }) {
  const { t } = usePage();
  if (props.position === 'hint') {
    return props.hint ? (
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    ) : null;
  }
  return props.error ? (
    <p class="field-error" id={`${props.id}-error`}>
      {(t as unknown as (k: string) => string)(props.error)}
    </p>
  ) : null;
}

/** A labelled multi-line text field with its hint and error. */
export function TextArea(props: { name: string; label: string; value: string; error?: string | undefined; maxLength: number; hint?: string; rows?: number; required?: boolean; extra?: preact.ComponentChildren }) {
  const id = `field-${props.name}`;
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldNotes id={id} hint={props.hint} position="hint" />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.value}
      </textarea>
      {props.extra}
      <FieldNotes id={id} error={props.error} position="error" />
    </div>
  );
}

/** A labelled drop-down list. */
export function SelectField(props: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string | undefined;
  hint?: string;
  required?: boolean;
}) {
  const id = `field-${props.name}`;
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldNotes id={id} hint={props.hint} position="hint" />
      <select id={id} name={props.name} required={props.required} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, props.error)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} error={props.error} position="error" />
    </div>
  );
}

/** A group of radio buttons (one value) or checkboxes (several) under a legend, with big targets. */
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: { value: string; label: string }[];
  selected: readonly string[];
  error?: string | undefined;
  hint?: string;
}) {
  const id = `field-${props.name}`;
  return (
    <fieldset class={props.error ? 'checks has-error' : 'checks'} id={id} aria-describedby={describedBy(id, props.hint, props.error)}>
      <legend>{props.legend}</legend>
      <FieldNotes id={id} hint={props.hint} position="hint" />
      {props.options.map((o) => (
        <label key={o.value}>
          <input type={props.type} name={props.name} value={o.value} checked={props.selected.includes(o.value)} /> {o.label}
        </label>
      ))}
      <FieldNotes id={id} error={props.error} position="error" />
    </fieldset>
  );
}

/** One checkbox with its label (sends `value` "true" when ticked). */
export function CheckboxField(props: { name: string; label: string; checked: boolean; hint?: string }) {
  const id = `field-${props.name}`;
  return (
    <div class="checks">
      <label for={id}>
        <input id={id} type="checkbox" name={props.name} value="true" checked={props.checked} aria-describedby={props.hint ? `${id}-hint` : undefined} /> {props.label}
      </label>
      <FieldNotes id={id} hint={props.hint} position="hint" />
    </div>
  );
}

/**
 * The field only a robot fills in: off screen, out of the tab order and hidden from screen readers. A
 * form that comes back with it filled is dropped; the value is kept so a re-rendered form changes nothing.
 */
export function HoneypotField(props: { name: string; label: string; value: string }) {
  const id = `field-${props.name}`;
  return (
    <div class="honeypot visually-hidden" aria-hidden="true">
      <label for={id}>{props.label}</label>
      <input id={id} name={props.name} type="text" value={props.value} tabIndex={-1} autocomplete="off" />
    </div>
  );
}

/**
 * The consent part at the end of a public form: what happens to the data (one point each), a link to
 * the privacy notice, and the box to tick (field `consent`; ids field-consent-box and field-consent-error).
 */
export function ConsentFieldset(props: { legend: string; points: string[]; privacyLink: string; label: string; checked: boolean; error?: string | undefined }) {
  const { href } = usePage();
  return (
    <fieldset class={props.error ? 'form-section consent has-error' : 'form-section consent'} id="field-consent">
      <legend>{props.legend}</legend>
      <ul>
        {props.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      <p>
        <a href={href('/integritet')}>{props.privacyLink}</a>
      </p>
      <div class="checks">
        <label for="field-consent-box">
          <input id="field-consent-box" type="checkbox" name="consent" value="true" checked={props.checked} aria-describedby={props.error ? 'field-consent-error' : undefined} /> {props.label}
        </label>
      </div>
      <FieldNotes id="field-consent" error={props.error} position="error" />
    </fieldset>
  );
}

/** "3 fields need changing" at the top of a form, linking to each field with an error. */
export function ErrorSummary(props: { errors: Record<string, string>; labels: Record<string, string> }) {
  const { t } = usePage();
  const fields = Object.keys(props.errors);
  if (fields.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
      <h2>{t('common.formErrors', { count: fields.length })}</h2>
      <ul>
        {fields.map((f) => (
          <li key={f}>
            <a href={`#field-${f}`}>{props.labels[f] ?? f}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "‹ Back to …" above a page: the arrow points the reading direction's way back. */
export function BackLink(props: { href: string; children: preact.ComponentChildren }) {
  return (
    <p class="back-link">
      <a href={props.href}>
        <Icon name="chevron-left" class="flip-rtl" />
        <bdi>{props.children}</bdi>
      </a>
    </p>
  );
}

/** An instant as a short date and time in Stockholm, in the page's language (always Gregorian, Latin digits). */
export function DateTime(props: { iso: string }) {
  const { lang } = usePage();
  const text = new Date(props.iso).toLocaleString(lang.intl, {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'short',
    calendar: 'gregory',
    numberingSystem: 'latn',
  } as Intl.DateTimeFormatOptions);
  return (
    <time dateTime={props.iso} dir="ltr">
      {text}
    </time>
  );
}

/** A one-line message about what just happened (announced as status), or a warning or error (announced as alert). */
export function Notice(props: { kind?: 'info' | 'error' | 'warning'; children: preact.ComponentChildren }) {
  const kind = props.kind ?? 'info';
  return (
    <p class={`notice notice-${kind === 'error' ? 'cancelled' : kind}`} role={kind === 'info' ? 'status' : 'alert'}>
      {props.children}
    </p>
  );
}

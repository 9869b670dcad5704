/** Small pieces many pages share: a dialable phone link, form fields with their errors, and a pager. */
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

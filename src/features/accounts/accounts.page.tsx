/** Sign-in, the sign-in link, and the account page. Forms keep what was typed and show errors beside fields. */
import { CsrfField, Field, Notice } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { rolesOf, type User } from './user.js';

type Errors = Record<string, string>;


export interface SignInProps {
  csrf: string;
  next: string;
  email: string;
  errors: Errors;
  /** A message above the forms: sent a link, signed out, too many attempts. */
  message?: { kind: 'info' | 'error'; text: string };
}

export function SignInPage(props: SignInProps) {
  const { t, href } = usePage();
  return (
    <Layout title={t('accounts.signIn.title')}>
      <div class="narrow">
        <h1>{t('accounts.signIn.title')}</h1>
        <p class="lead">{t('accounts.signIn.lead')}</p>
        {props.message ? <Notice kind={props.message.kind}>{props.message.text}</Notice> : null}
        <section aria-labelledby="link-heading" class="panel">
          <h2 id="link-heading">{t('accounts.signIn.linkHeading')}</h2>
          <p>{t('accounts.signIn.linkHelp')}</p>
          <form method="post" action={href('/logga-in/lank')} novalidate>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="next" value={props.next} />
            <Field name="email" label={t('accounts.fields.email')} type="email" value={props.email} error={props.errors.linkEmail} autocomplete="email" required />
            <button type="submit" class="button">
              {t('accounts.signIn.sendLink')}
            </button>
          </form>
        </section>
        <section aria-labelledby="password-heading" class="panel">
          <h2 id="password-heading">{t('accounts.signIn.passwordHeading')}</h2>
          <form method="post" action={href('/logga-in')} novalidate>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="next" value={props.next} />
            <Field name="email" label={t('accounts.fields.email')} type="email" value={props.email} error={props.errors.email} autocomplete="username" required />
            <Field name="password" label={t('accounts.fields.password')} type="password" error={props.errors.password} autocomplete="current-password" required />
            <button type="submit" class="button">
              {t('accounts.signIn.submit')}
            </button>
          </form>
          <p class="hint">{t('accounts.signIn.forgot')}</p>
        </section>
      </div>
    </Layout>
  );
}

/** The page a sign-in link opens: one button, so a mail scanner that follows links signs nobody in. */
export function ConfirmLinkPage(props: { csrf: string; action: string; valid: boolean; title?: string; confirmText?: string; button?: string }) {
  const { t, href } = usePage();
  const title = props.title ?? t('accounts.link.title');
  return (
    <Layout title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        {props.valid ? (
          <form method="post" action={props.action}>
            <CsrfField token={props.csrf} />
            <p>{props.confirmText ?? t('accounts.link.confirm')}</p>
            <button type="submit" class="button">
              {props.button ?? t('accounts.signIn.submit')}
            </button>
          </form>
        ) : (
          <>
            <Notice kind="error">{t('accounts.link.invalid')}</Notice>
            <p>
              <a href={href('/logga-in')}>{t('accounts.link.newLink')}</a>
            </p>
          </>
        )}
      </div>
    </Layout>
  );
}

export interface AccountProps {
  user: User;
  organisations: { id: number; name: string; slug: string }[];
  csrf: string;
  errors: Errors;
  message?: { kind: 'info' | 'error'; text: string };
  /** What was typed as a new e-mail address, kept when it had an error. */
  newEmail?: string;
}

export function AccountPage(props: AccountProps) {
  const { t, href } = usePage();
  const u = props.user;
  return (
    <Layout title={t('accounts.account.title')}>
      <div class="narrow">
        <h1>{t('accounts.account.title')}</h1>
        {props.message ? <Notice kind={props.message.kind}>{props.message.text}</Notice> : null}
        <dl class="facts">
          <div class="fact">
            <dt>{t('accounts.fields.email')}</dt>
            <dd>
              <bdi>{u.email}</bdi>
            </dd>
          </div>
          <div class="fact">
            <dt>{t('accounts.account.roles')}</dt>
            <dd>{rolesOf(u).length === 0 ? t('accounts.account.noRoles') : rolesOf(u).map((r) => t(`accounts.roles.${r}`)).join(', ')}</dd>
          </div>
          {props.organisations.length > 0 ? (
            <div class="fact">
              <dt>{t('accounts.account.organisations')}</dt>
              <dd>
                <ul class="plain">
                  {props.organisations.map((o) => (
                    <li key={o.id}>
                      <a href={href(`/organisationer/${o.slug}`)}>{o.name}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
        <section class="panel" aria-labelledby="pw-heading">
          <h2 id="pw-heading">{u.hasPassword ? t('accounts.account.changePassword') : t('accounts.account.setPassword')}</h2>
          <form method="post" action={href('/konto/losenord')} novalidate>
            <CsrfField token={props.csrf} />
            {u.hasPassword ? (
              <Field name="current" label={t('accounts.fields.currentPassword')} type="password" error={props.errors.current} autocomplete="current-password" required />
            ) : null}
            <Field
              name="password"
              label={t('accounts.fields.newPassword')}
              type="password"
              error={props.errors.password}
              autocomplete="new-password"
              hint={t('accounts.account.passwordHint')}
              required
            />
            <button type="submit" class="button">
              {t('accounts.account.savePassword')}
            </button>
          </form>
        </section>
        <section class="panel" aria-labelledby="email-heading">
          <h2 id="email-heading">{t('accounts.account.changeEmail')}</h2>
          <form method="post" action={href('/konto/epost')} novalidate>
            <CsrfField token={props.csrf} />
            <Field
              name="email"
              label={t('accounts.fields.newEmail')}
              type="email"
              value={props.newEmail ?? ''}
              error={props.errors.email}
              autocomplete="email"
              hint={t('accounts.account.emailHint')}
              required
            />
            <button type="submit" class="button">
              {t('accounts.account.sendConfirmation')}
            </button>
          </form>
        </section>
        <section class="panel" aria-labelledby="out-heading">
          <h2 id="out-heading">{t('accounts.account.signOutHeading')}</h2>
          <div class="actions">
            <form method="post" action={href('/logga-ut')}>
              <CsrfField token={props.csrf} />
              <button type="submit" class="button secondary">
                {t('accounts.signOut')}
              </button>
            </form>
            <form method="post" action={href('/konto/logga-ut-overallt')}>
              <CsrfField token={props.csrf} />
              <button type="submit" class="button secondary">
                {t('accounts.account.signOutEverywhere')}
              </button>
            </form>
          </div>
        </section>
      </div>
    </Layout>
  );
}

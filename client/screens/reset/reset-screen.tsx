import { A, useLocation } from '@solidjs/router'
import { createSignal, Match, Show, Switch } from 'solid-js'
import { api, isApiError } from '../../api.ts'
import { AppBar } from '../../components/app-bar.tsx'
import { FormAlert, TextField } from '../../components/field.tsx'
import { SiteFooter } from '../../components/site-footer.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { t } from '../../i18n/locale.ts'
import { usePageTitle } from '../../page-title.ts'
import { emailAddress, focusFirstInvalid, password } from '../home/validation.ts'

/**
 * `/reset`: ask for a reset link by e-mail; `/reset#<token>` (the link from the e-mail or the
 * admin command; in the fragment, so no server log sees it): choose a new password.
 */
export function ResetScreen() {
  const location = useLocation()
  const token = () => location.hash.replace(/^#/, '')
  usePageTitle(() => (token() ? t('reset.choose.title') : t('reset.request.title')))
  return (
    <div class="page">
      <AppBar />
      <main id="main" class="page__main" tabindex="-1">
        <div class="auth-layout">
          <Show when={token()} fallback={<RequestLink />}>
            {(value) => <ChoosePassword token={value()} />}
          </Show>
        </div>
      </main>
      <SiteFooter />
    </div>
  )
}

function RequestLink() {
  const [email, setEmail] = createSignal('')
  const [attempted, setAttempted] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [sent, setSent] = createSignal(false)
  const [error, setError] = createSignal<unknown>(null)
  let form: HTMLFormElement | undefined
  const emailError = () => (attempted() ? emailAddress(email()) : null)
  const noMail = () => isApiError(error()) && (error() as { code: string }).code === 'not_implemented'
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setAttempted(true)
    setError(null)
    if (emailError()) return focusFirstInvalid(form)
    setBusy(true)
    try {
      await api.requestPasswordReset({ email: email().trim() })
      setSent(true)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="auth card" aria-labelledby="reset-title">
      <h1 id="reset-title" class="auth__title">
        {t('reset.request.title')}
      </h1>
      <Switch>
        <Match when={sent()}>
          <p class="alert alert--info" role="status" data-testid="reset-sent">
            {t('reset.request.sent', { email: email().trim() })}
          </p>
        </Match>
        <Match when={noMail()}>
          <p class="alert alert--info" role="status" data-testid="reset-no-mail">
            {t('reset.request.noMail', { command: `npm run admin -- reset-link ${email().trim()}` })}
          </p>
        </Match>
        <Match when={true}>
          <p class="auth__intro">{t('reset.request.intro')}</p>
          <form ref={form} class="form" noValidate onSubmit={submit}>
            <FormAlert message={error() ? errorMessage(error()) : null} />
            <TextField
              label={t('auth.email')}
              type="email"
              name="email"
              autocomplete="username"
              inputMode="email"
              required
              autofocus
              value={email()}
              onInput={(e) => setEmail(e.currentTarget.value)}
              error={emailError()}
            />
            <button type="submit" class="button button--primary button--block" disabled={busy()} aria-busy={busy()}>
              {t('reset.request.submit')}
            </button>
          </form>
        </Match>
      </Switch>
      <A class="auth__link" href="/">
        {t('reset.backToSignIn')}
      </A>
    </section>
  )
}

function ChoosePassword(props: { token: string }) {
  const [secret, setSecret] = createSignal('')
  const [show, setShow] = createSignal(false)
  const [attempted, setAttempted] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [done, setDone] = createSignal(false)
  const [error, setError] = createSignal<unknown>(null)
  let form: HTMLFormElement | undefined
  const code = () => (isApiError(error()) ? (error() as { code: string }).code : null)
  const fieldError = () => (code() === 'weak_password' ? errorMessage(error()) : attempted() ? password(secret()) : null)
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setAttempted(true)
    setError(null)
    if (password(secret())) return focusFirstInvalid(form)
    setBusy(true)
    try {
      await api.resetPassword({ token: props.token, password: secret() })
      setDone(true)
    } catch (failure) {
      setError(failure)
      focusFirstInvalid(form)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="auth card" aria-labelledby="reset-title">
      <h1 id="reset-title" class="auth__title">
        {t('reset.choose.title')}
      </h1>
      <Switch>
        <Match when={done()}>
          <p class="alert alert--info" role="status" data-testid="reset-done">
            {t('reset.choose.done')}
          </p>
          <A class="button button--primary button--block" href="/">
            {t('reset.signIn')}
          </A>
        </Match>
        <Match when={code() === 'reset_link_invalid'}>
          <FormAlert message={errorMessage(error())} />
          <A class="button button--block" href="/reset">
            {t('reset.requestAnother')}
          </A>
        </Match>
        <Match when={true}>
          <p class="auth__intro">{t('reset.choose.intro')}</p>
          <form ref={form} class="form" noValidate onSubmit={submit}>
            <FormAlert message={error() && code() !== 'weak_password' ? errorMessage(error()) : null} />
            <TextField
              label={t('reset.choose.password')}
              hint={t('auth.passwordHint')}
              type={show() ? 'text' : 'password'}
              name="password"
              autocomplete="new-password"
              required
              minLength={10}
              autofocus
              value={secret()}
              onInput={(e) => {
                setSecret(e.currentTarget.value)
                if (code() === 'weak_password') setError(null)
              }}
              error={fieldError()}
            />
            <label class="checkbox">
              <input type="checkbox" checked={show()} onChange={(e) => setShow(e.currentTarget.checked)} />
              <span>{t('auth.showPassword')}</span>
            </label>
            <button type="submit" class="button button--primary button--block" disabled={busy()} aria-busy={busy()}>
              {t('reset.choose.submit')}
            </button>
          </form>
        </Match>
      </Switch>
    </section>
  )
}

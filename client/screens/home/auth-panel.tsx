import { A, useNavigate, useSearchParams } from '@solidjs/router'
import { createMemo, createSignal, For, Show } from 'solid-js'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { isApiError } from '../../api.ts'
import { FormAlert, TextField } from '../../components/field.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { t } from '../../i18n/locale.ts'
import { safeNextPath } from '../../navigation.ts'
import { useSession } from '../../session/session-store.ts'
import { emailAddress, focusFirstInvalid, password, requiredText } from './validation.ts'

type Mode = 'logIn' | 'signUp'
const modes: { mode: Mode; label: MessageKey }[] = [
  { mode: 'logIn', label: 'auth.logIn' },
  { mode: 'signUp', label: 'auth.signUp' },
]

/** Log in / sign up as two tabs over one form; API errors appear next to the field they concern. */
export function AuthPanel() {
  const [, session] = useSession()
  const navigate = useNavigate()
  const [search] = useSearchParams<{ next?: string }>()
  const [mode, setMode] = createSignal<Mode>('logIn')
  const [email, setEmail] = createSignal('')
  const [secret, setSecret] = createSignal('')
  const [displayName, setDisplayName] = createSignal('')
  const [showPassword, setShowPassword] = createSignal(false)
  const [attempted, setAttempted] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [apiError, setApiError] = createSignal<unknown>(null)
  let form: HTMLFormElement | undefined
  const tabs: Partial<Record<Mode, HTMLButtonElement>> = {}

  const apiCode = () => (isApiError(apiError()) ? (apiError() as { code: string }).code : null)
  const errors = createMemo(() => {
    const fieldErrors = {
      email: attempted() ? emailAddress(email()) : null,
      password: attempted() ? (mode() === 'signUp' ? password(secret()) : requiredText(secret())) : null,
      displayName: attempted() && mode() === 'signUp' ? requiredText(displayName()) : null,
    }
    // The server's verdict on a field shows where the field is.
    if (apiCode() === 'email_taken') fieldErrors.email = errorMessage(apiError())
    if (apiCode() === 'weak_password') fieldErrors.password = errorMessage(apiError())
    return fieldErrors
  })
  const formError = () => {
    const code = apiCode()
    if (apiError() === null || code === 'email_taken' || code === 'weak_password') return null
    return errorMessage(apiError())
  }

  const switchTo = (next: Mode, focus = false) => {
    setMode(next)
    setApiError(null)
    setAttempted(false)
    if (focus) tabs[next]?.focus()
  }
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft' || event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      const next: Mode = event.key === 'Home' ? 'logIn' : event.key === 'End' ? 'signUp' : mode() === 'logIn' ? 'signUp' : 'logIn'
      switchTo(next, true)
    }
  }

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setAttempted(true)
    setApiError(null)
    const current = errors()
    if (current.email || current.password || current.displayName) {
      focusFirstInvalid(form)
      return
    }
    setBusy(true)
    try {
      if (mode() === 'logIn') await session.logIn(email().trim(), secret())
      else await session.signUp(email().trim(), secret(), displayName().trim())
      const next = safeNextPath(search.next)
      navigate(next ?? '/', { replace: true })
    } catch (error) {
      setApiError(error)
      focusFirstInvalid(form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="auth card" aria-labelledby="auth-title">
      <h1 id="auth-title" class="auth__title">
        {t('auth.title')}
      </h1>
      <p class="auth__intro">{t('app.tagline')}</p>
      <Show when={safeNextPath(search.next)}>
        <p class="alert alert--info">{t('auth.signInToContinue')}</p>
      </Show>
      <div class="tabs" role="tablist" aria-label={t('auth.tabs')}>
        <For each={modes}>
          {(entry) => (
            <button
              ref={(el) => {
                tabs[entry.mode] = el
              }}
              type="button"
              role="tab"
              id={`auth-tab-${entry.mode}`}
              class="tabs__tab"
              aria-selected={mode() === entry.mode}
              aria-controls="auth-panel"
              tabindex={mode() === entry.mode ? 0 : -1}
              onClick={() => switchTo(entry.mode)}
              onKeyDown={onTabKey}
            >
              {t(entry.label)}
            </button>
          )}
        </For>
      </div>
      <form
        ref={form}
        id="auth-panel"
        role="tabpanel"
        aria-labelledby={`auth-tab-${mode()}`}
        class="form auth__form"
        noValidate
        onSubmit={submit}
      >
        <FormAlert message={formError()} />
        <Show when={mode() === 'signUp'}>
          <TextField
            label={t('auth.displayName')}
            hint={t('auth.displayNameHint')}
            name="displayName"
            autocomplete="name"
            required
            maxLength={80}
            value={displayName()}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
            error={errors().displayName}
          />
        </Show>
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autocomplete={mode() === 'signUp' ? 'email' : 'username'}
          inputMode="email"
          required
          value={email()}
          onInput={(e) => {
            setEmail(e.currentTarget.value)
            if (apiCode() === 'email_taken' || apiCode() === 'invalid_credentials') setApiError(null)
          }}
          error={errors().email}
        />
        <TextField
          label={t('auth.password')}
          hint={mode() === 'signUp' ? t('auth.passwordHint') : undefined}
          type={showPassword() ? 'text' : 'password'}
          name="password"
          autocomplete={mode() === 'signUp' ? 'new-password' : 'current-password'}
          required
          minLength={mode() === 'signUp' ? 10 : undefined}
          value={secret()}
          onInput={(e) => {
            setSecret(e.currentTarget.value)
            if (apiCode() === 'weak_password' || apiCode() === 'invalid_credentials') setApiError(null)
          }}
          error={errors().password}
        />
        <label class="checkbox">
          <input type="checkbox" checked={showPassword()} onChange={(e) => setShowPassword(e.currentTarget.checked)} />
          <span>{t('auth.showPassword')}</span>
        </label>
        <button type="submit" class="button button--primary button--block" disabled={busy()} aria-busy={busy()}>
          {busy() ? t('auth.submitting') : mode() === 'logIn' ? t('auth.submitLogIn') : t('auth.submitSignUp')}
        </button>
      </form>
      <Show when={mode() === 'logIn'}>
        <A class="auth__link" href="/reset">
          {t('reset.forgot')}
        </A>
      </Show>
    </section>
  )
}

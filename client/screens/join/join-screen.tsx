import { useNavigate, useParams } from '@solidjs/router'
import { createEffect, createSignal, Match, Switch } from 'solid-js'
import { api, isApiError } from '../../api.ts'
import { AppBar } from '../../components/app-bar.tsx'
import { FormAlert, TextField } from '../../components/field.tsx'
import { MessagePage } from '../../components/message-page.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { t } from '../../i18n/locale.ts'
import { usePageTitle } from '../../page-title.ts'
import { useSession } from '../../session/session-store.ts'
import { focusFirstInvalid, requiredText } from '../home/validation.ts'

type Outcome = 'form' | 'gone' | 'not_found'

/** `/join/:token`: a display name → a guest session on the invite's board → the board. */
export function JoinScreen() {
  const params = useParams<{ token: string }>()
  const navigate = useNavigate()
  const [user, session] = useSession()
  const [displayName, setDisplayName] = createSignal('')
  const [attempted, setAttempted] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [apiError, setApiError] = createSignal<unknown>(null)
  const [outcome, setOutcome] = createSignal<Outcome>('form')
  let form: HTMLFormElement | undefined

  // Someone already signed in is likely to keep their name.
  createEffect(() => {
    const current = user()
    if (current && !displayName()) setDisplayName(current.displayName)
  })
  usePageTitle(() =>
    outcome() === 'gone' ? t('join.gone.title') : outcome() === 'not_found' ? t('join.notFound.title') : t('join.title'),
  )

  const nameError = () => (attempted() ? requiredText(displayName()) : null)

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setAttempted(true)
    setApiError(null)
    if (nameError()) {
      focusFirstInvalid(form)
      return
    }
    setBusy(true)
    try {
      const joined = await api.joinInvite(params.token, { displayName: displayName().trim() })
      session.joined(joined.user)
      navigate(`/boards/${encodeURIComponent(joined.board.id)}`, { replace: true })
    } catch (error) {
      if (isApiError(error) && error.status === 410) setOutcome('gone')
      else if (isApiError(error) && error.status === 404) setOutcome('not_found')
      else setApiError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Switch>
      <Match when={outcome() === 'gone'}>
        <MessagePage title={t('join.gone.title')} body={t('join.gone.body')} testId="invite-gone" />
      </Match>
      <Match when={outcome() === 'not_found'}>
        <MessagePage title={t('join.notFound.title')} body={t('join.notFound.body')} testId="invite-not-found" />
      </Match>
      <Match when={outcome() === 'form'}>
        <div class="page">
          <AppBar />
          <main id="main" class="page__main" tabindex="-1">
            <div class="auth-layout">
              <section class="auth card" aria-labelledby="join-title">
                <h1 id="join-title" class="auth__title">
                  {t('join.title')}
                </h1>
                <p class="auth__intro">{t('join.intro')}</p>
                <form ref={form} class="form" noValidate onSubmit={submit} data-testid="join-form">
                  <FormAlert message={apiError() ? errorMessage(apiError()) : null} />
                  <TextField
                    label={t('join.displayName')}
                    name="displayName"
                    autocomplete="name"
                    required
                    maxLength={80}
                    autofocus
                    value={displayName()}
                    onInput={(e) => setDisplayName(e.currentTarget.value)}
                    error={nameError()}
                  />
                  <button type="submit" class="button button--primary button--block" disabled={busy()} aria-busy={busy()}>
                    {busy() ? t('join.submitting') : t('join.submit')}
                  </button>
                </form>
              </section>
            </div>
          </main>
        </div>
      </Match>
    </Switch>
  )
}

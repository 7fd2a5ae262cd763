import { useNavigate, useParams } from '@solidjs/router'
import { createEffect, createSignal, Match, Show, Switch } from 'solid-js'
import { api, type InviteInfo, isApiError } from '../../api.ts'
import { AppBar } from '../../components/app-bar.tsx'
import { FormAlert, TextField } from '../../components/field.tsx'
import { MessagePage } from '../../components/message-page.tsx'
import { SiteFooter } from '../../components/site-footer.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { enumLabel, formatDateTime, t } from '../../i18n/locale.ts'
import { usePageTitle } from '../../page-title.ts'
import { useSession } from '../../session/session-store.ts'
import { focusFirstInvalid, requiredText } from '../home/validation.ts'

type Outcome = 'form' | 'gone' | 'not_found'

/** What the link is, or null when the server could not say (then joining tells). */
async function describeInvite(token: string): Promise<InviteInfo | 'not_found' | null> {
  try {
    return await api.getInvite(token)
  } catch (error) {
    return isApiError(error) && error.status === 404 ? 'not_found' : null
  }
}

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
  // Asked at once, so an expired or used-up link says so before anyone types a name.
  // a plain signal, not a resource: no Suspense boundary above must blank the page meanwhile
  const [info, setInfo] = createSignal<InviteInfo | 'not_found' | null | undefined>(undefined)
  createEffect(() => {
    const token = params.token
    setInfo(undefined)
    void describeInvite(token).then((value) => {
      if (params.token === token) setInfo(value)
    })
  })
  const known = () => {
    const value = info()
    return value && value !== 'not_found' ? value : null
  }
  createEffect(() => {
    const value = info()
    if (value === 'not_found') setOutcome('not_found')
    else if (value && value.status !== 'active') setOutcome('gone')
  })
  const inviter = () => known()?.invitedBy ?? t('join.someone')
  /** an invite to a collection of sites rather than to a board */
  const toCollection = () => Boolean(known()?.collection && !known()?.board)
  const title = () => (toCollection() ? t('join.collectionTitle') : t('join.title'))
  const goneTitle = () => {
    const status = known()?.status
    if (status === 'expired') return t('join.expired.title')
    if (status === 'used_up') return t('join.usedUp.title')
    if (status === 'revoked') return t('join.revoked.title')
    return t('join.gone.title')
  }
  const goneBody = () => {
    const value = known()
    const board = value?.board?.title ?? value?.collection?.title ?? ''
    if (value?.status === 'expired')
      return t('join.expired.body', { board, name: inviter(), time: formatDateTime(new Date(value.expiresAt)) })
    if (value?.status === 'used_up') return t('join.usedUp.body', { board, name: inviter() })
    if (value?.status === 'revoked') return t('join.revoked.body')
    return t('join.gone.body')
  }
  const invitation = () => {
    const value = known()
    const role = enumLabel('role', value?.role ?? 'viewer')
    if (value?.collection && !value.board) {
      const collection = value.collection.title
      return value.invitedBy
        ? t('join.collectionInvitedBy', { name: value.invitedBy, collection, role })
        : t('join.collectionInvitedTo', { collection, role })
    }
    if (!value?.board) return null
    return value.invitedBy
      ? t('join.invitedBy', { name: value.invitedBy, board: value.board.title, role })
      : t('join.invitedTo', { board: value.board.title, role })
  }

  // Someone already signed in is likely to keep their name.
  createEffect(() => {
    const current = user()
    if (current && !displayName()) setDisplayName(current.displayName)
  })
  usePageTitle(() => (outcome() === 'gone' ? goneTitle() : outcome() === 'not_found' ? t('join.notFound.title') : title()))

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
      const target = joined.collection
        ? `/collections/${encodeURIComponent(joined.collection.id)}`
        : `/boards/${encodeURIComponent(joined.board?.id ?? '')}`
      navigate(target, { replace: true })
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
        <MessagePage title={goneTitle()} body={goneBody()} testId="invite-gone" />
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
                  {title()}
                </h1>
                <Show when={info() !== undefined} fallback={<p class="auth__intro">{t('join.checking')}</p>}>
                  <Show when={invitation()}>
                    {(text) => (
                      <p class="auth__intro" data-testid="invitation">
                        <strong>{text()}</strong>
                      </p>
                    )}
                  </Show>
                  <Show when={known()}>
                    {(value) => (
                      <p class="field__hint">{t('join.validUntil', { time: formatDateTime(new Date(value().expiresAt)) })}</p>
                    )}
                  </Show>
                  <p class="auth__intro">{toCollection() ? t('join.collectionIntro') : t('join.intro')}</p>
                </Show>
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
                    {busy() ? t('join.submitting') : toCollection() ? t('join.collectionSubmit') : t('join.submit')}
                  </button>
                </form>
              </section>
            </div>
          </main>
          <SiteFooter />
        </div>
      </Match>
    </Switch>
  )
}

import { A, useNavigate } from '@solidjs/router'
import { Show } from 'solid-js'
import { colorForUser } from '../board/user-color.ts'
import { LanguagePicker } from '../i18n/language-picker.tsx'
import { t } from '../i18n/locale.ts'
import { useSession } from '../session/session-store.ts'
import { Avatar } from './avatar.tsx'
import { BrandIcon } from './icons.tsx'

/** The top bar of the home and join pages: the brand, and who is signed in. */
export function AppBar() {
  const [user, session] = useSession()
  const navigate = useNavigate()
  const signOut = async () => {
    await session.logOut().catch(() => undefined)
    navigate('/', { replace: true })
  }
  return (
    <header class="app-bar">
      <A href="/" class="brand">
        <BrandIcon size={24} class="brand__icon" />
        <span class="brand__name">{t('app.name')}</span>
      </A>
      <LanguagePicker class="app-bar__language" />
      <Show when={user()}>
        {(signedIn) => (
          <div class="app-bar__user">
            <Avatar name={signedIn().displayName} color={colorForUser(signedIn().id)} size="sm" />
            <span class="visually-hidden">{t('app.signedInAs', { name: signedIn().displayName })}</span>
            <span class="app-bar__name" aria-hidden="true">
              {signedIn().displayName}
            </span>
            <Show when={signedIn().guest}>
              <span class="badge badge--muted">{t('app.guestBadge')}</span>
            </Show>
            <button type="button" class="button button--ghost button--small" onClick={signOut}>
              {t('app.signOut')}
            </button>
          </div>
        )}
      </Show>
    </header>
  )
}

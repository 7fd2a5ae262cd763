import { A, useNavigate } from '@solidjs/router'
import { createResource, createSignal, Show } from 'solid-js'
import { api } from '../../api.ts'
import { FormAlert } from '../../components/field.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { t } from '../../i18n/locale.ts'
import { useSession } from '../../session/session-store.ts'
import { copyBoardForMe } from './copy-board.ts'
import './home-intro.css'

/** The demo board, or null when this server has none (or the caller is a guest). */
async function findDemo(): Promise<{ id: string; title: string } | null> {
  try {
    return (await api.getDemo()).board
  } catch {
    return null
  }
}

/**
 * What this is, in a few lines and a picture; signed in, the way into the demo board: open it
 * read-only, or make a personal copy to try everything.
 */
export function HomeIntro(props: { compact?: boolean }) {
  const [user] = useSession()
  const navigate = useNavigate()
  const isAccount = () => Boolean(user() && !user()?.guest)
  const [demo] = createResource(() => (isAccount() ? true : null), findDemo)
  const [copying, setCopying] = createSignal(false)
  const [error, setError] = createSignal<unknown>(null)

  const copyDemo = async (source: { id: string; title: string }) => {
    setCopying(true)
    setError(null)
    try {
      navigate(`/boards/${encodeURIComponent(await copyBoardForMe(source))}`)
    } catch (failure) {
      setError(failure)
    } finally {
      setCopying(false)
    }
  }

  return (
    <section class="home-intro card" classList={{ 'home-intro--compact': props.compact }} aria-labelledby="home-intro-title">
      <div class="home-intro__text">
        <h2 id="home-intro-title" class="home-intro__title">
          {t('home.intro.title')}
        </h2>
        <p>{t('home.intro.what')}</p>
        <p>{t('home.intro.how')}</p>
        <Show when={isAccount()} fallback={<p class="home-intro__hint">{t('home.demo.signInFirst')}</p>}>
          <Show when={demo()}>
            {(found) => (
              <div class="home-intro__actions" data-testid="demo-actions">
                <A class="button button--primary" href={`/boards/${encodeURIComponent(found().id)}`}>
                  {t('home.demo.open')}
                </A>
                <button type="button" class="button" disabled={copying()} aria-busy={copying()} onClick={() => copyDemo(found())}>
                  {copying() ? t('home.demo.copying') : t('home.demo.copy')}
                </button>
                <p class="home-intro__hint">{t('home.demo.readOnly')}</p>
              </div>
            )}
          </Show>
          <FormAlert message={error() ? errorMessage(error()) : null} />
        </Show>
      </div>
      <img
        class="home-intro__picture"
        src="/board-preview.webp"
        width="720"
        height="480"
        alt={t('home.intro.pictureAlt')}
        loading="lazy"
      />
    </section>
  )
}

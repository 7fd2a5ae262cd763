import { createResource, For, Show } from 'solid-js'
import { api } from '../../api.ts'
import { AppBar } from '../../components/app-bar.tsx'
import { SiteFooter } from '../../components/site-footer.tsx'
import { t } from '../../i18n/locale.ts'
import { usePageTitle } from '../../page-title.ts'

/** `mailto:` for an e-mail address, the URL itself otherwise (ACCESSIBILITY_CONTACT is one or the other). */
function contactHref(contact: string): string {
  return /^https?:\/\//i.test(contact) ? contact : `mailto:${contact}`
}

/**
 * `/accessibility`: the accessibility statement, in the structure of the EU model statement
 * (Commission Implementing Decision (EU) 2018/1523); the feedback contact and the enforcement
 * body's link come from the operator's configuration (`GET /api/config`).
 */
export function StatementScreen() {
  usePageTitle(() => t('statement.title'))
  const [config] = createResource(() => api.config().catch(() => null))
  const gaps = () => [
    t('statement.gap.canvas'),
    t('statement.gap.presence'),
    t('statement.gap.exports'),
    t('statement.gap.images'),
  ]
  return (
    <div class="page">
      <AppBar />
      <main id="main" class="page__main statement" tabindex="-1" data-testid="statement">
        <h1>{t('statement.title')}</h1>
        <p>{t('statement.intro')}</p>
        <h2>{t('statement.status.heading')}</h2>
        <p>{t('statement.status.body')}</p>
        <h2>{t('statement.gaps.heading')}</h2>
        <ul>
          <For each={gaps()}>{(gap) => <li>{gap}</li>}</For>
        </ul>
        <h2>{t('statement.preparation.heading')}</h2>
        <p>{t('statement.preparation.body')}</p>
        <h2>{t('statement.feedback.heading')}</h2>
        <Show when={!config.loading}>
          <Show when={config()?.accessibilityContact} fallback={<p>{t('statement.feedback.none')}</p>}>
            {(contact) => (
              <p>
                {t('statement.feedback.body')}{' '}
                <a href={contactHref(contact())} data-testid="statement-contact">
                  {contact()}
                </a>
              </p>
            )}
          </Show>
        </Show>
        <h2>{t('statement.enforcement.heading')}</h2>
        <p>
          {t('statement.enforcement.body')}
          <Show when={config()?.accessibilityEnforcementUrl}>
            {(url) => (
              <>
                {' '}
                <a href={url()}>{t('statement.enforcement.link')}</a>
              </>
            )}
          </Show>
        </p>
      </main>
      <SiteFooter />
    </div>
  )
}

import { A } from '@solidjs/router'
import { type JSX, onMount } from 'solid-js'
import { t } from '../i18n/locale.ts'
import { AlertIcon } from './icons.tsx'
import { SiteFooter } from './site-footer.tsx'

/** A full-page explanation (not found, no access, link expired) with a way onwards, and the statement link at its foot. */
export function MessagePage(props: { title: string; body: string; testId?: string; children?: JSX.Element }) {
  let main: HTMLElement | undefined
  // Shown in place of a page that failed: move focus here so the explanation is read first.
  onMount(() => main?.focus({ preventScroll: true }))
  return (
    <div class="message-page-shell">
      <main ref={main} id="main" class="message-page" tabindex="-1" data-testid={props.testId}>
        <div class="message-page__card card">
          <AlertIcon class="message-page__icon" size={32} />
          <h1 class="message-page__title">{props.title}</h1>
          <p class="message-page__body">{props.body}</p>
          {props.children ?? (
            <A class="button button--primary" href="/">
              {t('app.goHome')}
            </A>
          )}
        </div>
      </main>
      <SiteFooter />
    </div>
  )
}

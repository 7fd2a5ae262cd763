import { createEffect } from 'solid-js'
import { t } from './i18n/locale.ts'

/** Sets `document.title` to "<page> · Refresh Board" while the calling component is shown. */
export function usePageTitle(title: () => string | undefined): void {
  createEffect(() => {
    const page = title()
    document.title = page ? `${page} · ${t('app.name')}` : t('app.name')
  })
}

import { A } from '@solidjs/router'
import { t } from '../i18n/locale.ts'

/** The foot of the home, join and reset pages: the link to the accessibility statement. */
export function SiteFooter() {
  return (
    <footer class="site-footer">
      <A href="/accessibility" class="site-footer__link">
        {t('statement.link')}
      </A>
    </footer>
  )
}

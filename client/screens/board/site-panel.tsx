import { createMemo, For, Show } from 'solid-js'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import type { SiteProfile } from '../../api.ts'
import { useBoard } from '../../board/board-context.ts'
import { countryName, enumLabel, t } from '../../i18n/locale.ts'

type Row = { label: MessageKey; value: (site: SiteProfile) => string | undefined }

const rows: Row[] = [
  { label: 'site.name', value: (s) => s.name },
  { label: 'site.location', value: (s) => s.location },
  { label: 'site.country', value: (s) => (s.country ? countryName(s.country) : undefined) },
  { label: 'site.floorArea', value: (s) => (typeof s.areaM2 === 'number' ? t('site.area', { area: s.areaM2 }) : undefined) },
  { label: 'site.builtYear', value: (s) => (typeof s.builtYear === 'number' ? String(s.builtYear) : undefined) },
  { label: 'site.formerUse', value: (s) => s.formerUse },
  { label: 'site.heritageStatus', value: (s) => (s.heritageStatus ? enumLabel('heritageStatus', s.heritageStatus) : undefined) },
  { label: 'site.condition', value: (s) => (s.condition ? enumLabel('siteCondition', s.condition) : undefined) },
]

/** The live site profile: the document's `site` map where it has values, else what the API returned. */
export function useSiteProfile() {
  const { board, store } = useBoard()
  return createMemo<SiteProfile>(() => ({ ...(board.site ?? {}), ...store.state.site }))
}

export function SitePanel() {
  const site = useSiteProfile()
  const filled = () => rows.map((row) => ({ label: row.label, value: row.value(site()) })).filter((row) => row.value)
  return (
    <section class="panel" aria-labelledby="site-title" data-testid="site-profile">
      <h2 id="site-title" class="panel__title">
        {t('board.siteProfile')}
      </h2>
      <Show when={filled().length > 0 || site().description} fallback={<p class="muted">{t('boards.noSite')}</p>}>
        <dl class="facts">
          <For each={filled()}>
            {(row) => (
              <div class="facts__row">
                <dt>{t(row.label)}</dt>
                <dd>{row.value}</dd>
              </div>
            )}
          </For>
        </dl>
        <Show when={site().description}>
          <p class="site-description">{site().description}</p>
        </Show>
      </Show>
    </section>
  )
}

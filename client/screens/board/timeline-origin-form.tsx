import { createSignal, Show } from 'solid-js'
import { isYearMonth } from '../../../shared/scene/timeline.ts'
import { canFacilitate } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { FormAlert, TextField } from '../../components/field.tsx'
import { t } from '../../i18n/locale.ts'

/**
 * Where the board's phasing timeline starts (settings `timelineOrigin`), for facilitators: one
 * `settings.update`, applied at once and synced; the phases move with it and keep their months.
 */
export function TimelineOriginForm() {
  const { role, store, writes } = useBoard()
  const [failure, setFailure] = createSignal<string | null>(null)
  const save = (value: string) => {
    if (value !== '' && !isYearMonth(value)) return setFailure(t('manage.timeline.invalid'))
    const result = writes.apply({ type: 'settings.update', fields: { timelineOrigin: value === '' ? null : value } })
    setFailure(result.ok ? null : t('inspector.refused', { reason: result.error.message }))
  }
  return (
    <Show when={canFacilitate(role())}>
      <section class="board-settings__section" data-testid="timeline-origin">
        <h3 class="fieldset__legend">{t('manage.timeline.legend')}</h3>
        <FormAlert message={failure()} />
        <TextField
          type="month"
          name="timelineOrigin"
          class="board-settings__month"
          label={t('manage.timeline.label')}
          hint={t('manage.timeline.hint')}
          placeholder="2027-01"
          value={store.state.timelineOrigin}
          onChange={(e) => save(e.currentTarget.value)}
        />
      </section>
    </Show>
  )
}

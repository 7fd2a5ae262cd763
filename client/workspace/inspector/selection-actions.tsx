import { Show } from 'solid-js'
import { canEdit } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { changeableIds } from '../../canvas/actions/editing-rules.ts'
import { activeCanvas } from '../../canvas/canvas-api.ts'
import { t } from '../../i18n/locale.ts'
import { BackIcon, FrontIcon, TargetIcon, TrashIcon } from '../icons.tsx'

/** What can be done with the selection as a whole: delete, z-order, zoom to it. */
export function SelectionActions(props: { ids: readonly string[] }) {
  const { role, store, writes, selection } = useBoard()
  const changeable = () => changeableIds(props.ids, store.state.elements, role())
  const boxes = () => changeable().filter((id) => store.state.elements[id]?.kind !== 'link')

  const remove = () => {
    const ids = changeable()
    if (ids.length === 0) return
    const result = writes.apply({ type: 'element.delete', ids, withLinks: true })
    if (result.ok) selection.set(props.ids.filter((id) => !ids.includes(id) && id in store.state.elements))
  }
  const reorder = (to: 'front' | 'back') => {
    const ids = boxes()
    if (ids.length > 0) writes.apply({ type: 'element.reorder', ids, to })
  }

  return (
    <fieldset class="ws-actions" aria-label={t('inspector.commonActions')}>
      <button
        type="button"
        class="button button--small"
        onClick={() => activeCanvas()?.zoomToSelection()}
        disabled={!activeCanvas()}
      >
        <TargetIcon size={16} />
        {t('inspector.zoomToSelection')}
      </button>
      <Show when={canEdit(role())}>
        <button type="button" class="button button--small" onClick={() => reorder('front')} disabled={boxes().length === 0}>
          <FrontIcon size={16} />
          {t('inspector.bringToFront')}
        </button>
        <button type="button" class="button button--small" onClick={() => reorder('back')} disabled={boxes().length === 0}>
          <BackIcon size={16} />
          {t('inspector.sendToBack')}
        </button>
        <button
          type="button"
          class="button button--small ws-actions__danger"
          data-testid="delete-selection"
          onClick={remove}
          disabled={changeable().length === 0}
        >
          <TrashIcon size={16} />
          {props.ids.length > 1 ? t('inspector.deleteSelection', { count: changeable().length }) : t('inspector.delete')}
        </button>
      </Show>
    </fieldset>
  )
}

import { createMemo, createUniqueId, For, Show } from 'solid-js'
import { plannedLanguages, refusalMessageKey } from '../../../shared/i18n/index.ts'
import { isLocked, mayChangeElement } from '../../../shared/rules/lock.ts'
import { createTimeline, isYearMonth, phaseBoxFor } from '../../../shared/scene/timeline.ts'
import { getSettings } from '../../../shared/schema/layout.ts'
import { canEdit, canFacilitate } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import type { BoardElement } from '../../board/board-store.ts'
import { languageName } from '../../i18n/language-name.ts'
import { enumLabel, language, t } from '../../i18n/locale.ts'
import { LockIcon } from '../icons.tsx'
import { FieldControl } from './field-control.tsx'
import { type FieldSpec, fieldsFor } from './field-specs.ts'
import { elementLabels, WorkingLanguageLabels } from './working-language-labels.tsx'

/** The inspector for one element: its fields, translations of its name and (for facilitators) its lock. */
export function ElementForm(props: { element: BoardElement }) {
  const { role, writes, connection } = useBoard()
  const locked = () => isLocked(props.element)
  const readOnly = () => !mayChangeElement(role(), props.element)

  // Field specs are kept by name, so a control (and what is being typed in it) survives changes
  // of other fields; the list itself changes only when a field appears or goes (subsector).
  const specs = new Map<string, FieldSpec>()
  const names = createMemo(
    () =>
      fieldsFor(props.element).map((spec) => {
        if (!specs.has(spec.name)) specs.set(spec.name, spec)
        return spec.name
      }),
    undefined,
    { equals: (a, b) => a.length === b.length && a.every((name, i) => name === b[i]) },
  )

  /** One committed field change is one `element.update` (one undo step). */
  const commit = (name: string, value: unknown): string | null => {
    // locked (or the role changed) while the field was being edited: not sent, and said why
    if (readOnly()) return t(refusalMessageKey(canEdit(role()) ? 'locked' : 'read_only'))
    const fields: Record<string, unknown> = { [name]: value }
    const element = props.element
    // A phase's months place its bar on the timeline: new months re-snap the box.
    if (element.kind === 'phase' && (name === 'start' || name === 'end')) {
      const start = name === 'start' ? value : element.start
      const end = name === 'end' ? value : element.end
      if (isYearMonth(start) && isYearMonth(end) && typeof element.y === 'number' && typeof element.h === 'number') {
        const timeline = createTimeline(getSettings(connection.doc).get('timelineOrigin'))
        const box = phaseBoxFor(start, end, element.y, element.h, timeline)
        fields.x = box.x
        fields.w = box.w
      }
    }
    // A committed field is a deliberate step: never merged with the previous one into one undo.
    writes.undoManager.stopCapturing()
    const result = writes.apply({ type: 'element.update', id: element.id, fields })
    return result.ok ? null : t('inspector.refused', { reason: result.error.message })
  }

  return (
    <div class="ws-form" data-testid="element-form" data-element-id={props.element.id} data-kind={props.element.kind}>
      <Show when={locked()}>
        <p class="ws-locked" role="note">
          <LockIcon size={16} />
          <span>{canFacilitate(role()) ? t('field.lockedHint') : t('inspector.lockedHint')}</span>
        </p>
      </Show>
      <For each={names()}>
        {(name) => {
          const spec = specs.get(name) as FieldSpec
          const field = <FieldControl element={props.element} spec={spec} readOnly={readOnly()} commit={commit} />
          // the name in the board's working languages, right under the name as written
          if (name !== 'label' || props.element.kind === 'link') return field
          return (
            <>
              {field}
              <WorkingLanguageLabels element={props.element} readOnly={readOnly()} commit={commit} />
            </>
          )
        }}
      </For>
      <Show when={props.element.kind !== 'link'}>
        <Translations element={props.element} readOnly={readOnly()} commit={commit} />
      </Show>
      <Show when={canFacilitate(role())}>
        <label class="checkbox ws-field ws-field--flag">
          <input
            type="checkbox"
            data-field="locked"
            checked={locked()}
            onChange={(e) => commit('locked', e.currentTarget.checked ? true : null)}
          />
          <span>
            <LockIcon size={16} /> {t('field.locked')}
          </span>
        </label>
      </Show>
    </div>
  )
}

/** Optional names in the other languages of the partner regions (the contract's `labels`). */
function Translations(props: { element: BoardElement; readOnly: boolean; commit(name: string, value: unknown): string | null }) {
  const id = createUniqueId()
  const { labels, set } = elementLabels(props)
  // the viewer's own language first: the translation they see on the canvas is edited here too
  const others = () => [language(), ...plannedLanguages.filter((code) => code !== language())]
  /** what the canvas shows this viewer instead of the label as written (null: the label itself) */
  const translated = () => {
    const shown = labels()[language()]
    return shown !== undefined && shown.trim() !== '' && shown !== props.element.label ? shown : null
  }
  const count = () => Object.keys(labels()).length
  return (
    <>
      <Show when={translated() !== null && typeof props.element.label === 'string' && props.element.label}>
        {(original) => (
          <p class="ws-original muted" data-testid="label-original">
            {t('inspector.originalLabel', { label: original() })}
          </p>
        )}
      </Show>
      <details class="ws-translations" open={count() > 0}>
        <summary>
          {t('inspector.section.translations')}
          <Show when={count() > 0}>
            <span class="muted"> ({count()})</span>
          </Show>
        </summary>
        <For each={others()}>
          {(code) => (
            <div class="ws-field">
              <label class="field__label" for={`${id}-${code}`}>
                {t('field.translation', { language: languageName(code) })}
              </label>
              <input
                id={`${id}-${code}`}
                class="input ws-input"
                lang={code}
                maxLength={500}
                value={labels()[code] ?? ''}
                readOnly={props.readOnly}
                onChange={(e) => set(code, e.currentTarget.value)}
              />
            </div>
          )}
        </For>
      </details>
    </>
  )
}

export const kindLabel = (kind: string) => enumLabel('elementKind', kind)

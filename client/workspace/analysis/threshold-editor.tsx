import { createEffect, createSignal, createUniqueId, on, Show } from 'solid-js'
import { t } from '../../i18n/locale.ts'

/** A whole number from 0 to 1000 (the setting's range), or null. */
export function parseThreshold(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,4}$/.test(trimmed)) return null
  const value = Number(trimmed)
  return value <= 1000 ? value : null
}

/**
 * The critical-mass target, editable by facilitators (a board setting every client sees);
 * others read it. Applied on "Set" or Enter, so typing never writes half a number.
 */
export function ThresholdEditor(props: { threshold: number; editable: boolean; onSave: (value: number) => boolean }) {
  const id = createUniqueId()
  const [text, setText] = createSignal(String(props.threshold))
  const [invalid, setInvalid] = createSignal(false)
  // someone else changed the target: show theirs unless this person is typing a different one
  createEffect(
    on(
      () => props.threshold,
      (value) => {
        setText(String(value))
        setInvalid(false)
      },
    ),
  )
  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    const value = parseThreshold(text())
    if (value === null) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    if (value !== props.threshold && !props.onSave(value)) setInvalid(true)
  }
  return (
    <Show
      when={props.editable}
      fallback={
        <p class="an-threshold an-threshold--read">{t('analysis.creative.thresholdReadOnly', { threshold: props.threshold })}</p>
      }
    >
      <form class="an-threshold" onSubmit={submit} noValidate data-testid="threshold-form">
        <label for={id} class="an-threshold__label">
          {t('analysis.creative.threshold')}
        </label>
        <input
          id={id}
          class="input an-threshold__input"
          type="number"
          inputMode="numeric"
          min="0"
          max="1000"
          step="1"
          value={text()}
          aria-invalid={invalid()}
          aria-describedby={`${id}-hint`}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="button button--small">
          {t('analysis.creative.thresholdSave')}
        </button>
        <p id={`${id}-hint`} class="an-threshold__hint" classList={{ 'an-threshold__hint--error': invalid() }}>
          {invalid() ? t('analysis.creative.thresholdInvalid') : t('analysis.creative.thresholdHint')}
        </p>
      </form>
    </Show>
  )
}

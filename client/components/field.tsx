import { createEffect, createUniqueId, type JSX, Show, splitProps, untrack } from 'solid-js'
import { t } from '../i18n/locale.ts'

interface FieldFrameProps {
  label: string
  hint?: string
  error?: string | null
  optional?: boolean
  /** Receives the control's id and its `aria-describedby` value. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => JSX.Element
  class?: string
}

/**
 * A labelled form control with its hint and error message, wired for assistive technology
 * (`aria-describedby`, `aria-invalid`). Errors carry an icon and text, not colour alone.
 */
export function FieldFrame(props: FieldFrameProps) {
  const id = createUniqueId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = () => [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field ${props.class ?? ''}`} classList={{ 'field--invalid': Boolean(props.error) }}>
      <label class="field__label" for={id}>
        {props.label}
        <Show when={props.optional}>
          <span class="field__optional"> ({t('app.optional')})</span>
        </Show>
      </label>
      <Show when={props.hint}>
        <p class="field__hint" id={hintId}>
          {props.hint}
        </p>
      </Show>
      {untrack(() =>
        // Getters, so the control is created once and only its attributes follow the error.
        props.children({
          id,
          get describedBy() {
            return describedBy()
          },
          get invalid() {
            return Boolean(props.error)
          },
        }),
      )}
      <Show when={props.error}>
        <p class="field__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      </Show>
    </div>
  )
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'children'> & {
  label: string
  hint?: string
  error?: string | null
  optional?: boolean
}

export function TextField(props: InputProps) {
  const [own, input] = splitProps(props, ['label', 'hint', 'error', 'optional', 'class'])
  return (
    <FieldFrame label={own.label} hint={own.hint} error={own.error} optional={own.optional} class={own.class}>
      {(ids) => (
        <input
          {...input}
          id={ids.id}
          class="input"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid ? 'true' : undefined}
        />
      )}
    </FieldFrame>
  )
}

type SelectProps = Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  label: string
  hint?: string
  error?: string | null
  optional?: boolean
  children: JSX.Element
}

export function SelectField(props: SelectProps) {
  const [own, select] = splitProps(props, ['label', 'hint', 'error', 'optional', 'class', 'children'])
  let element: HTMLSelectElement | undefined
  // The attributes are set before the options are inserted, and a select whose value names no
  // option then shows its first one (a link shown as valid for 24 hours was made for 7 days):
  // set the value again once the options are in, and whenever it changes.
  createEffect(() => {
    const value = select.value
    if (element && value !== undefined && element.value !== String(value)) element.value = String(value)
  })
  return (
    <FieldFrame label={own.label} hint={own.hint} error={own.error} optional={own.optional} class={own.class}>
      {(ids) => (
        <select
          {...select}
          ref={(el) => {
            element = el
          }}
          id={ids.id}
          class="input select"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid ? 'true' : undefined}
        >
          {own.children}
        </select>
      )}
    </FieldFrame>
  )
}

type TextAreaProps = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> & {
  label: string
  hint?: string
  error?: string | null
  optional?: boolean
}

export function TextAreaField(props: TextAreaProps) {
  const [own, area] = splitProps(props, ['label', 'hint', 'error', 'optional', 'class'])
  return (
    <FieldFrame label={own.label} hint={own.hint} error={own.error} optional={own.optional} class={own.class}>
      {(ids) => (
        <textarea
          {...area}
          id={ids.id}
          class="input textarea"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid ? 'true' : undefined}
        />
      )}
    </FieldFrame>
  )
}

/** A form-level message: errors are announced (`role="alert"`) and carry an icon and text. */
export function FormAlert(props: { message: string | null | undefined; id?: string }) {
  return (
    <Show when={props.message}>
      <div class="alert alert--error" role="alert" id={props.id}>
        <span class="alert__icon" aria-hidden="true">
          !
        </span>
        <span>{props.message}</span>
      </div>
    </Show>
  )
}

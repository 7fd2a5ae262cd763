import { createMemo, createSignal, createUniqueId, For, type JSX, Match, Show, Switch } from 'solid-js'
import { useBoard } from '../../board/board-context.ts'
import type { BoardElement } from '../../board/board-store.ts'
import { NumberQuestion } from '../../components/number-question.tsx'
import { countryName, enumLabel, locale, t } from '../../i18n/locale.ts'
import { centralEuropeanCountries, otherCountries } from '../../site-options.ts'
import { type FieldSpec, formatValue, isChange, parseInput, validateField } from './field-specs.ts'

export interface FieldControlProps {
  element: BoardElement
  spec: FieldSpec
  readOnly: boolean
  /** writes one field; returns a message when the write was refused */
  commit(name: string, value: unknown): string | null
}

/**
 * One field of the inspector: a labelled control that validates as you type (the message is
 * shown inline with an icon, and nothing is written while the value is invalid) and writes on
 * commit — Enter, leaving the field, or choosing an option.
 */
export function FieldControl(props: FieldControlProps) {
  const id = `inspector-${createUniqueId()}`
  const errorId = `${id}-error`
  const [draft, setDraft] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  /** The two readings of a number that reads both ways in the locale (`1.200` in English). */
  const [question, setQuestion] = createSignal<{ thousands: number; decimal: number } | null>(null)
  const questionId = `${id}-question`
  const shown = () => draft() ?? formatValue(props.element[props.spec.name], locale())

  const check = (raw: string) => {
    const parsed = parseInput(props.spec, raw, locale())
    // An ambiguous number is no error while typing: the question comes on commit.
    const key = !parsed.ok && parsed.ambiguous ? null : validateField(props.element, props.spec, parsed)
    setError(key ? t(key, { max: props.spec.type === 'text' ? props.spec.max : 0 }) : null)
    return key === null
  }
  const write = (value: unknown) => {
    if (isChange(props.element, props.spec.name, value)) {
      const refused = props.commit(props.spec.name, value)
      if (refused) {
        setError(refused)
        return
      }
    }
    setDraft(null)
  }
  const onInput = (raw: string) => {
    setDraft(raw)
    setQuestion(null)
    check(raw)
  }
  const onCommit = (raw: string) => {
    if (!check(raw)) return
    const parsed = parseInput(props.spec, raw, locale())
    if (!parsed.ok) {
      // Never guess: ask which reading was meant, and write nothing until one is chosen.
      if (parsed.ambiguous) setQuestion(parsed.ambiguous)
      return
    }
    write(parsed.value)
  }
  const choose = (value: number) => {
    setQuestion(null)
    const key = validateField(props.element, props.spec, { ok: true, value })
    if (key) {
      setError(t(key))
      return
    }
    write(value)
  }
  const onBlur = () => {
    // Leaving a field with an invalid value keeps the stored one: say so, and drop the draft.
    // A question stays until answered (choosing an answer moves the focus out of the field).
    if (question()) return
    if (error() && draft() !== null) {
      setDraft(null)
      setError(null)
    }
  }
  const describedBy = () => (error() ? errorId : question() ? questionId : undefined)
  const common = () => ({
    id,
    'aria-describedby': describedBy(),
    'aria-invalid': error() ? ('true' as const) : undefined,
    'data-field': props.spec.name,
  })

  return (
    <Show
      when={props.spec.type !== 'refs' && props.spec.type !== 'flag'}
      fallback={
        <Switch>
          <Match when={props.spec.type === 'flag'}>
            <label class="checkbox ws-field ws-field--flag">
              <input
                type="checkbox"
                data-field={props.spec.name}
                checked={props.element[props.spec.name] === true}
                disabled={props.readOnly}
                onChange={(e) => props.commit(props.spec.name, e.currentTarget.checked ? true : null)}
              />
              <span>{t(props.spec.label)}</span>
            </label>
          </Match>
          <Match when={props.spec.type === 'refs'}>
            <RefsControl element={props.element} readOnly={props.readOnly} commit={(value) => props.commit('refs', value)} />
          </Match>
        </Switch>
      }
    >
      <div class="ws-field" classList={{ 'ws-field--invalid': Boolean(error()) }}>
        <label class="field__label" for={id}>
          {t(props.spec.label)}
        </label>
        <Switch>
          <Match when={props.spec.type === 'text' && props.spec.multiline}>
            <textarea
              {...common()}
              class="input textarea ws-input"
              rows={3}
              value={shown()}
              readOnly={props.readOnly}
              onInput={(e) => onInput(e.currentTarget.value)}
              onChange={(e) => onCommit(e.currentTarget.value)}
              onBlur={onBlur}
            />
          </Match>
          <Match when={props.spec.type === 'text' || props.spec.type === 'number'}>
            <input
              {...common()}
              class="input ws-input"
              type="text"
              inputMode={props.spec.type === 'number' ? 'decimal' : undefined}
              value={shown()}
              readOnly={props.readOnly}
              onInput={(e) => onInput(e.currentTarget.value)}
              onChange={(e) => onCommit(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && draft() !== null) {
                  setDraft(null)
                  setError(null)
                  setQuestion(null)
                }
              }}
              onBlur={onBlur}
            />
          </Match>
          <Match when={props.spec.type === 'month'}>
            <input
              {...common()}
              class="input ws-input"
              type="month"
              value={shown()}
              readOnly={props.readOnly}
              onInput={(e) => onInput(e.currentTarget.value)}
              onChange={(e) => onCommit(e.currentTarget.value)}
              onBlur={onBlur}
            />
          </Match>
          <Match when={props.spec.type === 'endpoint'}>
            <EndpointValue id={id} targetId={String(props.element[props.spec.name] ?? '')} />
          </Match>
          <Match when={true}>
            <select
              {...common()}
              class="input select ws-input"
              value={shown()}
              disabled={props.readOnly}
              onChange={(e) => onCommit(e.currentTarget.value)}
            >
              <SelectOptions spec={props.spec} current={shown()} />
            </select>
          </Match>
        </Switch>
        <Show when={question()}>
          {(readings) => <NumberQuestion id={questionId} field={props.spec.name} readings={readings()} onChoose={choose} />}
        </Show>
        <Show when={error()}>
          <p class="field__error" id={errorId} role="alert">
            <span aria-hidden="true">⚠ </span>
            {error()}
          </p>
        </Show>
      </div>
    </Show>
  )
}

function SelectOptions(props: { spec: FieldSpec; current: string }): JSX.Element {
  const { store } = useBoard()
  const none = () => (
    <option value="" selected={props.current === ''}>
      {t('inspector.none')}
    </option>
  )
  const spec = props.spec
  switch (spec.type) {
    case 'enum':
      return (
        <>
          <Show when={!spec.required || props.current === ''}>{none()}</Show>
          <For each={spec.values}>
            {(value) => (
              <option value={value} selected={props.current === value}>
                {enumLabel(spec.enumName, value)}
              </option>
            )}
          </For>
        </>
      )
    case 'score':
      return (
        <>
          {none()}
          <For each={[1, 2, 3, 4, 5]}>
            {(score) => (
              <option value={String(score)} selected={props.current === String(score)}>
                {t('field.score', { score })}
              </option>
            )}
          </For>
        </>
      )
    case 'country': {
      const known = new Set<string>([...centralEuropeanCountries, ...otherCountries])
      return (
        <>
          {none()}
          <optgroup label={t('site.countryGroup.central')}>
            <For each={centralEuropeanCountries}>
              {(code) => (
                <option value={code} selected={props.current === code}>
                  {countryName(code)}
                </option>
              )}
            </For>
          </optgroup>
          <optgroup label={t('site.countryGroup.other')}>
            <For each={otherCountries}>
              {(code) => (
                <option value={code} selected={props.current === code}>
                  {countryName(code)}
                </option>
              )}
            </For>
            <Show when={props.current && !known.has(props.current)}>
              <option value={props.current}>{countryName(props.current)}</option>
            </Show>
          </optgroup>
        </>
      )
    }
    case 'zone': {
      const zones = createMemo(() =>
        Object.values(store.state.elements)
          .filter((element) => element.kind === 'zone')
          .map((zone) => ({ id: zone.id, label: typeof zone.label === 'string' && zone.label ? zone.label : zone.id }))
          .sort((a, b) => a.label.localeCompare(b.label)),
      )
      return (
        <>
          {none()}
          <For each={zones()}>
            {(zone) => (
              <option value={zone.id} selected={props.current === zone.id}>
                {zone.label}
              </option>
            )}
          </For>
          <Show when={props.current && !zones().some((zone) => zone.id === props.current)}>
            <option value={props.current}>{props.current}</option>
          </Show>
        </>
      )
    }
    default:
      return none()
  }
}

function EndpointValue(props: { id: string; targetId: string }) {
  const { store } = useBoard()
  const target = () => store.state.elements[props.targetId]
  const text = () => {
    const element = target()
    if (!element) return props.targetId
    const name = typeof element.label === 'string' && element.label ? element.label : element.id
    return `${name} · ${enumLabel('elementKind', element.kind)}`
  }
  return (
    <output id={props.id} class="ws-output">
      {text()}
    </output>
  )
}

/** The uses and actors a phase schedules: a checkbox per candidate, grouped by kind. */
function RefsControl(props: { element: BoardElement; readOnly: boolean; commit(value: unknown): string | null }) {
  const { store } = useBoard()
  const refs = () => (Array.isArray(props.element.refs) ? (props.element.refs as string[]) : [])
  const candidates = createMemo(() =>
    Object.values(store.state.elements)
      .filter((element) => element.kind === 'use' || element.kind === 'actor')
      .map((element) => ({
        id: element.id,
        kind: element.kind,
        label: typeof element.label === 'string' && element.label ? element.label : element.id,
      }))
      .sort((a, b) => (a.kind === b.kind ? a.label.localeCompare(b.label) : a.kind === 'use' ? -1 : 1)),
  )
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...refs().filter((ref) => ref !== id), id] : refs().filter((ref) => ref !== id)
    props.commit(next.length > 0 ? next : null)
  }
  return (
    <fieldset class="ws-refs" data-field="refs">
      <legend class="field__label">{t('field.refs')}</legend>
      <Show when={candidates().length > 0} fallback={<p class="muted">{t('field.refsNone')}</p>}>
        <ul class="ws-refs__list">
          <For each={candidates()}>
            {(candidate) => (
              <li>
                <label class="checkbox">
                  <input
                    type="checkbox"
                    value={candidate.id}
                    checked={refs().includes(candidate.id)}
                    disabled={props.readOnly}
                    onChange={(e) => toggle(candidate.id, e.currentTarget.checked)}
                  />
                  <span>
                    {candidate.label} <span class="muted">· {enumLabel('elementKind', candidate.kind)}</span>
                  </span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </fieldset>
  )
}

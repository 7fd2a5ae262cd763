import { createSignal } from 'solid-js'
import { formatNumberInput, formatPlainNumber, type NumberReading, readNumber } from '../../shared/i18n/numbers.ts'
import { locale, t } from '../i18n/locale.ts'

/**
 * The question a number field asks when what was typed reads two ways in the UI language
 * (`1.200` in English): both readings as buttons; nothing is stored until one is chosen. The
 * inspector's fields and the new-board form ask it alike.
 */
export function NumberQuestion(props: {
  id: string
  field: string
  readings: { thousands: number; decimal: number }
  onChoose: (value: number) => void
}) {
  const plain = (value: number) => formatPlainNumber(value, locale())
  return (
    <div class="field__question" id={props.id} role="alert" data-question={props.field}>
      <span>
        {t('validation.numberAmbiguous', { thousands: plain(props.readings.thousands), decimal: plain(props.readings.decimal) })}
      </span>
      <button
        type="button"
        class="button button--small"
        data-choice="thousands"
        onClick={() => props.onChoose(props.readings.thousands)}
      >
        {plain(props.readings.thousands)}
      </button>
      <button
        type="button"
        class="button button--small"
        data-choice="decimal"
        onClick={() => props.onChoose(props.readings.decimal)}
      >
        {plain(props.readings.decimal)}
      </button>
    </div>
  )
}

/**
 * A number typed into a text field in the UI language, as forms keep it: `read()` what the
 * field holds now, `commit()` on leaving it (the number understood is shown back formatted, or
 * `question()` asks which of two readings was meant), `choose()` an answer. What the form
 * showed back (`5,200` in English) is remembered with its value and never read again — that
 * text may itself read two ways.
 */
export function createNumberEntry(field: { text: () => string; setText: (text: string) => void; initial?: number }) {
  let understood: { text: string; value: number } | null =
    field.initial === undefined ? null : { text: field.text(), value: field.initial }
  const [question, setQuestion] = createSignal<{ thousands: number; decimal: number } | null>(null)
  const show = (value: number) => {
    understood = { text: formatNumberInput(value, locale()), value }
    field.setText(understood.text)
  }
  const read = (): NumberReading =>
    understood && understood.text === field.text()
      ? { kind: 'number', value: understood.value }
      : readNumber(field.text(), locale())
  return {
    read,
    question,
    clearQuestion: () => setQuestion(null),
    /** False while the field reads two ways (the question is shown). */
    commit(): boolean {
      const reading = read()
      if (reading.kind === 'ambiguous') {
        setQuestion({ thousands: reading.thousands, decimal: reading.decimal })
        return false
      }
      if (reading.kind === 'number' && reading.value >= 0) show(reading.value)
      return true
    },
    choose(value: number): void {
      setQuestion(null)
      show(value)
    },
  }
}

import { formatPlainNumber } from '../../shared/i18n/numbers.ts'
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

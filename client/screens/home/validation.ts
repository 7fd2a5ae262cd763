import { t } from '../../i18n/locale.ts'

/** Field checks shared by the forms; each returns the message to show, or null. */
export const MIN_PASSWORD_LENGTH = 10

export function requiredText(value: string): string | null {
  return value.trim() ? null : t('validation.required')
}

export function emailAddress(value: string): string | null {
  if (!value.trim()) return t('validation.required')
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('validation.email')
}

export function password(value: string): string | null {
  if (!value) return t('validation.required')
  return value.length >= MIN_PASSWORD_LENGTH ? null : t('validation.passwordLength')
}

/** An optional number field: empty is fine; otherwise a number ≥ min (and ≤ max). */
export function optionalNumber(value: string, min: number, max?: number): string | null {
  if (!value.trim()) return null
  const number = Number(value)
  if (!Number.isFinite(number)) return t('validation.number')
  if (max !== undefined && (number < min || number > max)) return t('validation.yearRange', { min, max })
  return number < min ? t('validation.min', { min }) : null
}

export function maxLength(value: string, max: number): string | null {
  return value.length > max ? t('validation.maxLength', { max }) : null
}

/** Focuses the first control marked invalid in `form`, after the error messages rendered. */
export function focusFirstInvalid(form: HTMLFormElement | undefined): void {
  queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}

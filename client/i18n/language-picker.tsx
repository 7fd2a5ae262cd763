import { For, Show } from 'solid-js'
import { catalogs, type LanguageCode } from '../../shared/i18n/languages.ts'
import { api } from '../api.ts'
import { useSession } from '../session/session-store.ts'
import { language, setLanguage, t } from './locale.ts'

/** where this browser keeps the chosen language (client/i18n/locale.ts reads it at start) */
const REMEMBERED = 'rb.language'

/** The languages with a catalog, each named in itself ("Deutsch", "Slovenščina"), English first. */
export function availableLanguages(): { code: LanguageCode; name: string }[] {
  return (Object.keys(catalogs) as LanguageCode[]).map((code) => ({ code, name: nativeName(code) }))
}

export function nativeName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1)
  } catch {
    return code
  }
}

/**
 * Switches the UI language live (every `t` re-renders, `<html lang>` follows), remembers it in
 * this browser and, when signed in, with the account — so it follows the person to other devices.
 */
export async function chooseLanguage(code: LanguageCode, signedIn: boolean): Promise<void> {
  setLanguage(code)
  try {
    globalThis.localStorage?.setItem(REMEMBERED, code)
  } catch {
    // private mode: the choice lasts for this page
  }
  if (signedIn) await api.updateMe({ language: code }).catch(() => undefined)
}

/** A compact language menu for the app bar and the board header; hidden while only one language ships. */
export function LanguagePicker(props: { class?: string }) {
  const [user] = useSession()
  return (
    <Show when={availableLanguages().length > 1}>
      <label class={`language-picker ${props.class ?? ''}`}>
        <span class="visually-hidden">{t('app.language')}</span>
        <select
          class="language-picker__select"
          data-testid="language-picker"
          value={language()}
          title={t('app.language')}
          onChange={(e) => void chooseLanguage(e.currentTarget.value as LanguageCode, Boolean(user()))}
        >
          <For each={availableLanguages()}>{(option) => <option value={option.code}>{option.name}</option>}</For>
        </select>
      </label>
    </Show>
  )
}

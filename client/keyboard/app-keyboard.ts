import { createKeyboardRouter } from './keyboard-router.ts'
import { createShortcutPreferences } from './shortcut-preferences.ts'

const storage = typeof localStorage === 'undefined' ? null : localStorage

/** This page's shortcut preferences (the `?` sheet changes them). */
export const shortcutPreferences = createShortcutPreferences(storage)

/** This page's keyboard router: every key of the board UI goes through it (listening while a scope is registered). */
export const keyboard = createKeyboardRouter({
  singleKeys: shortcutPreferences.singleKeys,
  target: typeof document === 'undefined' ? undefined : document,
})

import { createSignal } from 'solid-js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isCharacterKey, keyCaps, matchesKey } from './key-binding.ts'
import { keyFocusOf } from './key-focus.ts'
import { createKeyboardRouter, type KeyCommand } from './keyboard-router.ts'

const t = (key: string) => ({ 'key.ctrl': 'Ctrl', 'key.shift': 'Shift', 'key.delete': 'Delete', 'key.left': '←' })[key] ?? key

function press(init: KeyboardEventInit, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { cancelable: true, bubbles: true, ...init })
  Object.defineProperty(event, 'target', { value: target })
  return event
}

function command(id: string, keys: KeyCommand['keys'], run = vi.fn(), enabled = () => true): KeyCommand {
  return { id, label: 'action.copy', group: 'edit', keys, enabled, run }
}

function setup(singleKeysOn = true) {
  const [singleKeys, setSingleKeys] = createSignal(singleKeysOn)
  const router = createKeyboardRouter({ singleKeys })
  const note = command('tool.note', [{ key: 'n' }])
  const remove = command('deleteSelection', [{ key: 'Delete' }])
  const undo = command('undo', [{ key: 'z', mod: true }])
  const edit = command('editText', [{ key: 'Enter' }])
  router.register({ id: 'canvas', priority: 0, commands: () => [note, remove, undo, edit] })
  return { router, note, remove, undo, edit, setSingleKeys }
}

const add = <T extends HTMLElement>(html: string, select: string): T => {
  const host = document.createElement('div')
  host.innerHTML = html
  document.body.append(host)
  return host.querySelector(select) as T
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('key bindings', () => {
  it('match letters in either case, chords exactly, codes whatever the layout', () => {
    expect(matchesKey({ key: 'n' }, press({ key: 'N' }))).toBe(true)
    expect(matchesKey({ key: 'n' }, press({ key: 'N', shiftKey: true }))).toBe(false)
    expect(matchesKey({ key: 'n' }, press({ key: 'n', ctrlKey: true }))).toBe(false)
    expect(matchesKey({ key: 'z', mod: true }, press({ key: 'z', metaKey: true }))).toBe(true)
    expect(matchesKey({ key: 'z', mod: true }, press({ key: 'z', ctrlKey: true, altKey: true }))).toBe(false)
    expect(matchesKey({ key: '!', code: 'Digit1', shift: true }, press({ key: '+', code: 'Digit1', shiftKey: true }))).toBe(true)
    expect(matchesKey({ key: 'ArrowLeft', shift: 'any' }, press({ key: 'ArrowLeft', shiftKey: true }))).toBe(true)
  })

  it('tell character keys (which can be turned off) from named keys and chords', () => {
    expect(isCharacterKey({ key: 'n' })).toBe(true)
    expect(isCharacterKey({ key: '?', shift: 'any' })).toBe(true)
    expect(isCharacterKey({ key: 'Delete' })).toBe(false)
    expect(isCharacterKey({ key: 'z', mod: true })).toBe(false)
  })

  it('are shown as key caps', () => {
    expect(keyCaps({ key: 'z', mod: true, shift: true }, t)).toEqual(['Ctrl', 'Shift', 'Z'])
    expect(keyCaps({ key: 'z', mod: true }, t, true)).toEqual(['⌘', 'Z'])
    expect(keyCaps({ key: '!', code: 'Digit1', shift: true }, t)).toEqual(['Shift', '1'])
    expect(keyCaps({ key: 'ArrowLeft', shift: 'any' }, t)).toEqual(['←'])
  })
})

describe('focus rules', () => {
  it('tell typing, dialogs, controls and the rest apart', () => {
    expect(keyFocusOf(add('<input>', 'input'))).toBe('typing')
    expect(keyFocusOf(add('<textarea></textarea>', 'textarea'))).toBe('typing')
    expect(keyFocusOf(add('<select><option>a</option></select>', 'select'))).toBe('typing')
    expect(keyFocusOf(add('<div contenteditable="true"><b>x</b></div>', 'b'))).toBe('typing')
    expect(keyFocusOf(add('<div role="dialog"><button>x</button></div>', 'button'))).toBe('dialog')
    expect(keyFocusOf(add('<ul role="menu"><li role="menuitem">x</li></ul>', 'li'))).toBe('dialog')
    expect(keyFocusOf(add('<button>x</button>', 'button'))).toBe('control')
    expect(keyFocusOf(add('<div tabindex="0"></div>', 'div'))).toBe('free')
    expect(keyFocusOf(null)).toBe('free')
  })

  it('count the whole page as a dialog while a modal is open', () => {
    add('<div aria-modal="true" role="dialog"></div>', 'div')
    expect(keyFocusOf(document.body)).toBe('dialog')
  })
})

describe('keyboard router', () => {
  it('runs the command of a key on the board and marks the key handled', () => {
    const { router, note } = setup()
    const event = press({ key: 'n' })
    expect(router.dispatch(event)).toBe(note)
    expect(note.run).toHaveBeenCalledOnce()
    expect(event.defaultPrevented).toBe(true)
  })

  it('fires nothing, not even chords or Delete, while a field, the text editor or contenteditable has focus', () => {
    const { router, note, remove, undo } = setup()
    const targets = [
      add('<input>', 'input'),
      add('<textarea data-testid="canvas-text-editor"></textarea>', 'textarea'),
      add('<p contenteditable="true">x</p>', 'p'),
    ]
    for (const target of targets)
      for (const init of [{ key: 'n' }, { key: 'Delete' }, { key: 'z', ctrlKey: true }]) {
        const event = press(init, target)
        expect(router.dispatch(event), `${init.key} in ${target.tagName}`).toBeNull()
        expect(event.defaultPrevented).toBe(false)
      }
    expect(note.run).not.toHaveBeenCalled()
    expect(remove.run).not.toHaveBeenCalled()
    expect(undo.run).not.toHaveBeenCalled()
  })

  it('fires nothing inside a dialog or while a modal dialog is open', () => {
    const { router, note } = setup()
    expect(router.dispatch(press({ key: 'n' }, add('<dialog open><button>x</button></dialog>', 'button')))).toBeNull()
    document.body.innerHTML = ''
    add('<div role="dialog" aria-modal="true"></div>', 'div')
    expect(router.dispatch(press({ key: 'n' }))).toBeNull()
    expect(note.run).not.toHaveBeenCalled()
  })

  it('leaves Enter to a focused button, but other keys still work there', () => {
    const { router, edit, note } = setup()
    const button = add('<button>x</button>', 'button')
    expect(router.dispatch(press({ key: 'Enter' }, button))).toBeNull()
    expect(edit.run).not.toHaveBeenCalled()
    expect(router.dispatch(press({ key: 'n' }, button))).toBe(note)
  })

  it('turns character keys off, but not chords or named keys', () => {
    const { router, note, remove, undo, setSingleKeys } = setup(false)
    expect(router.dispatch(press({ key: 'n' }))).toBeNull()
    expect(router.dispatch(press({ key: 'Delete' }))).toBe(remove)
    expect(router.dispatch(press({ key: 'z', ctrlKey: true }))).toBe(undo)
    setSingleKeys(true)
    expect(router.dispatch(press({ key: 'n' }))).toBe(note)
  })

  it('asks scopes by priority; a modal scope keeps keys from the ones below; a disabled command passes', () => {
    const { router, note } = setup()
    const image = command('pickImage', [{ key: 'i' }])
    const help = command('help', [{ key: '?', shift: 'any' }])
    const blocked = command('tool.note.disabled', [{ key: 'n' }], vi.fn(), () => false)
    router.register({ id: 'workspace', priority: 10, commands: () => [blocked, image] })
    expect(router.dispatch(press({ key: 'n' }))).toBe(note)
    const backToLive = vi.fn(() => true)
    const off = router.register({
      id: 'snapshot',
      priority: 20,
      modal: true,
      commands: () => [],
      handleKey: (e) => e.key === 'Escape' && backToLive(),
    })
    router.register({ id: 'help', priority: 30, commands: () => [help] })
    const held = press({ key: 'z', ctrlKey: true })
    expect(router.dispatch(held)).toBeNull()
    expect(held.defaultPrevented).toBe(true)
    expect(router.dispatch(press({ key: 'n' }))).toBeNull()
    expect(router.dispatch(press({ key: 'i' }))).toBeNull()
    const tab = press({ key: 'Tab' })
    expect(router.dispatch(tab)).toBeNull()
    expect(tab.defaultPrevented).toBe(false)
    expect(router.dispatch(press({ key: 'Escape' }))).toBe('scope')
    expect(router.dispatch(press({ key: '?', shiftKey: true }))).toBe(help)
    off()
    expect(router.dispatch(press({ key: 'i' }))).toBe(image)
    expect(router.table().map((c) => c.id)).toEqual([
      'help',
      'tool.note.disabled',
      'pickImage',
      'tool.note',
      'deleteSelection',
      'undo',
      'editText',
    ])
  })

  it('listens on the document while a scope is registered', () => {
    const [singleKeys] = createSignal(true)
    const router = createKeyboardRouter({ singleKeys, target: document })
    const run = vi.fn()
    const off = router.register({ id: 'x', priority: 0, commands: () => [command('tool.note', [{ key: 'n' }], run)] })
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true, cancelable: true }))
    expect(run).toHaveBeenCalledOnce()
    off()
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true, cancelable: true }))
    expect(run).toHaveBeenCalledOnce()
  })
})

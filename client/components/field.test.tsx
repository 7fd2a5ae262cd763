import { createSignal, For } from 'solid-js'
import { render } from 'solid-js/web'
import { describe, expect, it } from 'vitest'
import { SelectField } from './field.tsx'

describe('SelectField', () => {
  it('shows the option its value names, also when the options are rendered from a list', () => {
    const host = document.createElement('div')
    document.body.append(host)
    const [value, setValue] = createSignal('168')
    const hours = ['24', '168', '720']
    const dispose = render(
      () => (
        <SelectField label="Valid for" value={value()} onChange={(e) => setValue(e.currentTarget.value)}>
          <For each={hours}>{(h) => <option value={h}>{h} hours</option>}</For>
        </SelectField>
      ),
      host,
    )
    const select = host.querySelector('select') as HTMLSelectElement
    expect(select.value).toBe('168')
    expect(select.selectedOptions[0]?.textContent).toBe('168 hours')
    setValue('720')
    expect(select.value).toBe('720')
    dispose()
    host.remove()
  })
})

import { describe, expect, it } from 'vitest'
import { slugify } from './slug.ts'

describe('slugify', () => {
  it('makes file-name-safe slugs', () => {
    expect(slugify('Spinnerei Pöttendorf')).toBe('spinnerei-pottendorf')
    expect(slugify('Demo: Tovarna Čevljev / Hall B!')).toBe('demo-tovarna-cevljev-hall-b')
    expect(slugify('"; rm -rf')).toBe('rm-rf')
    expect(slugify('***')).toBe('board')
  })
})

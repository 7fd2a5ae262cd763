import { describe, expect, it } from 'vitest'
import { redactPath } from './request-log.ts'

describe('redactPath', () => {
  it('hides invite tokens and keeps everything else', () => {
    expect(redactPath('/api/invites/abcDEF_-123/join')).toBe('/api/invites/[redacted]/join')
    expect(redactPath('/join/abcDEF_-123')).toBe('/join/[redacted]')
    expect(redactPath('/api/boards/b1/invites/tok')).toBe('/api/boards/b1/invites/[redacted]')
    expect(redactPath('/api/boards/b1/invites')).toBe('/api/boards/b1/invites')
    expect(redactPath('/api/boards/b1')).toBe('/api/boards/b1')
  })
})

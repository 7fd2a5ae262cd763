import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

// GET /api/config: the operator's public settings, readable without signing in.

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

describe('GET /api/config', () => {
  it('returns the accessibility contact and enforcement link from the environment, without a session', async () => {
    server = await startTestServer({
      ACCESSIBILITY_CONTACT: 'access@example.org',
      ACCESSIBILITY_ENFORCEMENT_URL: 'https://enforcement.example.eu/complaints',
    })
    const response = await fetch(`${server.url}/api/config`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      accessibilityContact: 'access@example.org',
      accessibilityEnforcementUrl: 'https://enforcement.example.eu/complaints',
    })
  })

  it('returns null for settings the operator left unset', async () => {
    server = await startTestServer()
    const response = await fetch(`${server.url}/api/config`)
    expect(await response.json()).toEqual({ accessibilityContact: null, accessibilityEnforcementUrl: null })
  })

  it('accepts a URL as contact and refuses what is neither an e-mail address nor a URL', () => {
    expect(loadConfig({ ACCESSIBILITY_CONTACT: 'https://example.org/feedback' }).accessibilityContact).toBe(
      'https://example.org/feedback',
    )
    expect(() => loadConfig({ ACCESSIBILITY_CONTACT: 'call us' })).toThrow(/ACCESSIBILITY_CONTACT/)
    expect(() => loadConfig({ ACCESSIBILITY_ENFORCEMENT_URL: 'not a url' })).toThrow(/ACCESSIBILITY_ENFORCEMENT_URL/)
  })
})

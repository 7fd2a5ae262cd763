import { createContext, createSignal, useContext } from 'solid-js'
import { isAvailableLanguage } from '../../shared/i18n/languages.ts'
import { api, isApiError, type User } from '../api.ts'
import { setLanguage } from '../i18n/locale.ts'

/** `undefined` while the session is being checked, `null` when signed out. */
export type SessionState = User | null | undefined

/**
 * The signed-in person and the actions that change it. Components read `user()`; only these
 * actions write it.
 */
export function createSessionStore() {
  const [user, setUserSignal] = createSignal<SessionState>(undefined)
  /** the account's language, when it chose one, wins over ?lang= and the browser */
  const setUser = (next: SessionState) => {
    const chosen = next?.language
    if (chosen && isAvailableLanguage(chosen)) setLanguage(chosen)
    setUserSignal(next)
  }

  const actions = {
    /** Asks the server who we are; a 401 means signed out. Other failures also count as signed out. */
    async refresh(): Promise<void> {
      try {
        setUser((await api.me()).user)
      } catch (error) {
        if (!isApiError(error) || error.status !== 401) console.warn('session check failed', error)
        setUser(null)
      }
    },
    async logIn(email: string, password: string): Promise<User> {
      const { user: signedIn } = await api.logIn({ email, password })
      setUser(signedIn)
      return signedIn
    },
    async signUp(email: string, password: string, displayName: string): Promise<User> {
      const { user: created } = await api.signUp({ email, password, displayName })
      setUser(created)
      return created
    },
    /** After joining through an invite: the server set a guest session. */
    joined(guest: User): void {
      setUser(guest)
    },
    /** The server told us the session is gone (401 on a request or 4401 on the socket). */
    expired(): void {
      setUser(null)
    },
    async logOut(): Promise<void> {
      try {
        await api.logOut()
      } finally {
        setUser(null)
      }
    },
  }
  return [user, actions] as const
}

export type SessionStore = ReturnType<typeof createSessionStore>

export const SessionContext = createContext<SessionStore>()

export function useSession(): SessionStore {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside <SessionContext.Provider>')
  return session
}

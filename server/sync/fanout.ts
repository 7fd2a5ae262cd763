import type { Role } from '../../shared/schema/roles.ts'

/**
 * Fan-out between server instances. A room publishes every document and awareness update it
 * applies from its own clients; it applies what other instances publish. One instance needs
 * nothing (`localFanout`); scale-out implements this over Redis pub/sub.
 */
export type FanoutMessage =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  /** a room just loaded on another instance: answer with what it lacks (an `update`) */
  | { kind: 'sync-request'; stateVector: Uint8Array }
  /** a member's role on the board changed (null: removed): connections on every instance follow */
  | { kind: 'access'; userId: string; role: Role | null }
  /**
   * an instance is back after losing Redis: answer with what it lacks (an `update`) and send a
   * `sync-request` of your own, so that it sends what you lack — a state-vector exchange, then diffs
   */
  | { kind: 'resync'; stateVector: Uint8Array }
  /** never on the wire: this instance's own connection to the others is back (send a `resync`) */
  | { kind: 'reconnected' }

export interface Fanout {
  /** Starts delivering other instances' messages for a board; resolves to an unsubscribe. */
  subscribe(boardId: string, deliver: (message: FanoutMessage) => void): Promise<() => Promise<void>>
  /** Sends a message to the other instances serving this board. Never throws. */
  publish(boardId: string, message: FanoutMessage): void
  /** For `/readyz`: resolves when the other instances can be reached (Redis answers), rejects when not. */
  check(): Promise<void>
  close(): Promise<void>
}

/** A single instance: nobody else to tell. */
export const localFanout: Fanout = {
  subscribe: async () => async () => {},
  publish: () => {},
  check: async () => {},
  close: async () => {},
}

import { type Accessor, createEffect, createMemo, createSignal, on, onCleanup, untrack } from 'solid-js'
import type { Summon } from '../../../shared/facilitation/state.ts'
import { useBoard } from '../../board/board-context.ts'
import { activeCanvas, type CanvasApi } from '../../canvas/canvas-api.ts'
import { createPresencePublisher } from '../../canvas/presence-publisher.ts'
import { type Point, type Viewport, visibleRect } from '../../canvas/viewport.ts'
import { t } from '../../i18n/locale.ts'
import { keyboard } from '../../keyboard/app-keyboard.ts'
import type { KeyCommand } from '../../keyboard/keyboard-router.ts'
import type { PeerCursors } from '../../workspace/peer-presence.tsx'
import type { Toasts } from '../../workspace/toasts.tsx'
import { type AttentionPeer, leaderView, type Reaction, readAttentionPeers } from './peer-attention.ts'
import { sameViewport, viewportShowing } from './view-geometry.ts'

/** A summon older than this (server time) moves nobody: a late joiner or a reload stays where it is. */
export const SUMMON_FRESH_MS = 10_000
/** A reaction floats this long; one older than `REACTION_FRESH_MS` when it arrives is not shown. */
export const REACTION_MS = 2000
const REACTION_FRESH_MS = 4000
/** One reaction per person at most every this many ms. */
export const REACTION_INTERVAL_MS = 500
/** A pointer that moves this far with a button down is a drag of one's own: it ends following. */
const DRAG_PX = 4
/** A view change this soon after one's own input (key, click) is one's own: it ends following. */
const INPUT_WINDOW_MS = 1000
/** Our own follow move is over by then at the latest (the stage animates for 260 ms). */
const OWN_MOVE_MS = 1500

/** Whom this client's view follows, and why. */
export interface FollowTarget {
  userId: string
  name: string
  /** following because they present (everyone does), not by one's own choice */
  presenter: boolean
}

/** A reaction shown on this screen. */
export interface FloatingReaction extends Reaction {
  /** unique on this screen */
  key: string
  name: string
  color: string | null
}

export interface Attention {
  /** whose view this client mirrors now, or null */
  readonly following: Accessor<FollowTarget | null>
  /** the presenter this person stepped out of following (the banner offers to rejoin), or null */
  readonly steppedOut: Accessor<{ userId: string; name: string } | null>
  /** this person presents (everyone else follows them) */
  readonly presenting: Accessor<boolean>
  follow(person: { id: string; name: string }): void
  /** stops following (a presentation: steps out of it until `rejoin`) */
  stopFollowing(): void
  rejoin(): void
  readonly laser: Accessor<boolean>
  setLaser(on: boolean): void
  /** sends a reaction (at the view's centre); false when the last one was under 500 ms ago */
  react(emoji: string): boolean
  /** reactions floating on this screen now */
  readonly reactions: Accessor<readonly FloatingReaction[]>
}

const [activeAttention, setActiveAttention] = createSignal<Attention | null>(null)

/** The open board's attention features, or null (for the presence list; one board is open at a time). */
export { activeAttention }

/**
 * Whether this client answers `summon`: a new one (not `handled`), sent by someone else, at
 * most 10 s old in server time (a late joiner or a reload is not moved).
 */
export function answersSummon(summon: Summon | null, handled: string | null, selfId: string, serverNow: number): boolean {
  if (!summon || summon.id === handled || summon.by.userId === selfId) return false
  return Math.abs(serverNow - summon.at) <= SUMMON_FRESH_MS
}

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches

const randomId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID().slice(0, 12)
    : Math.random().toString(36).slice(2, 14)

/**
 * The receiving side of "attention" in a live workshop (issue 13, items 4 and 8), for the open
 * board; call inside the workspace's reactive owner.
 *
 * - Every client publishes the board rect it shows (`view` in awareness, ≤ 10 Hz, on change).
 * - Summon: a new `facilitation.summon` no older than 10 s (server time) moves everyone but the
 *   summoner to its rect, animated unless the person asked for reduced motion, with a toast.
 * - Follow: mirrors another person's `view` continuously; Esc, a wheel, a drag on the canvas or
 *   a view change right after one's own key or click ends it.
 * - Presentation: while `facilitation.presenter` is set, everyone else follows the presenter
 *   (the same mirroring); Esc steps out, `rejoin` steps back in.
 * - Laser (key K): `laser: true` in awareness; the peer layer draws others' cursors as a fading
 *   red trail. Reactions: `reaction {id, emoji, x, y, at}` in awareness; every screen floats it.
 */
export function createAttention(options: { toasts: Toasts; cursors: PeerCursors }): Attention {
  const session = useBoard()
  const { facilitation, me } = session
  const awareness = session.connection.provider.awareness
  const publisher = createPresencePublisher(awareness)
  onCleanup(() => publisher.destroy())

  const [peers, setPeers] = createSignal<readonly AttentionPeer[]>(readAttentionPeers(awareness))
  // Cursors change awareness 20 times a second per person: read again only when a change
  // touches what attention reads (who, view, reaction) or someone comes or goes.
  const seenFields = new Map<number, string>()
  const fieldsOf = (clientId: number) => {
    const state = awareness.getStates().get(clientId) as Record<string, unknown> | undefined
    const user = state?.user as Record<string, unknown> | undefined
    return JSON.stringify([user?.id, user?.name, user?.color, state?.view, state?.reaction])
  }
  const onAwareness = (change: { added: number[]; updated: number[]; removed: number[] }) => {
    let relevant = change.added.length > 0 || change.removed.length > 0
    for (const id of change.removed) seenFields.delete(id)
    for (const id of [...change.added, ...change.updated]) {
      const fields = fieldsOf(id)
      if (seenFields.get(id) !== fields) relevant = true
      seenFields.set(id, fields)
    }
    if (relevant) setPeers(readAttentionPeers(awareness))
  }
  awareness.on('change', onAwareness)
  onCleanup(() => awareness.off('change', onAwareness))

  // This client's view, for whoever follows it.
  createEffect(() => {
    const canvas = activeCanvas()
    if (canvas) publisher.view(visibleRect(canvas.viewport(), canvas.size()))
  })

  // ---- follow and presentation ----
  const [chosen, setChosen] = createSignal<{ userId: string; name: string } | null>(null)
  const [steppedOutOf, setSteppedOutOf] = createSignal<string | null>(null)
  const presenter = createMemo(
    () => {
      const p = facilitation.state().presenter
      return p && p.userId !== me.id ? p : null
    },
    null,
    { equals: (a, b) => a?.userId === b?.userId && a?.name === b?.name },
  )
  const presenting = () => facilitation.state().presenter?.userId === me.id
  // a new presentation (or its end) asks everyone to follow again
  createEffect(
    on(
      () => presenter()?.userId ?? null,
      () => setSteppedOutOf(null),
      { defer: true },
    ),
  )

  const following = createMemo<FollowTarget | null>(
    () => {
      const p = presenter()
      if (p && steppedOutOf() !== p.userId) return { userId: p.userId, name: p.name, presenter: true }
      const c = chosen()
      return c ? { ...c, presenter: false } : null
    },
    null,
    { equals: (a, b) => a?.userId === b?.userId && a?.presenter === b?.presenter && a?.name === b?.name },
  )
  const steppedOut = () => {
    const p = presenter()
    return p && steppedOutOf() === p.userId ? { userId: p.userId, name: p.name } : null
  }

  const stopFollowing = () => {
    const target = untrack(following)
    if (!target) return
    if (target.presenter) setSteppedOutOf(target.userId)
    else setChosen(null)
  }

  /** The move we made last and until when the view changes are ours. */
  let ownMove: { target: Viewport; until: number } | null = null
  let lastTarget: Viewport | null = null
  const moveTo = (canvas: CanvasApi, target: Viewport, force = false) => {
    if (!force && lastTarget && sameViewport(lastTarget, target)) return
    lastTarget = target
    const animate = !prefersReducedMotion()
    ownMove = { target, until: performance.now() + OWN_MOVE_MS }
    canvas.setView(target, { animate })
  }

  // Mirror the leader's view whenever it (or our own stage size) changes.
  let mirrored: string | null = null
  createEffect(() => {
    const target = following()
    const key = target ? `${target.userId}|${target.presenter}` : null
    if (key !== mirrored) {
      mirrored = key
      lastTarget = null
    }
    const canvas = activeCanvas()
    if (!target || !canvas) return
    const rect = leaderView(peers(), target.userId, awareness.clientID)
    const size = canvas.size()
    if (rect && size.width > 1) untrack(() => moveTo(canvas, viewportShowing(rect, size)))
  })

  // One's own pan, zoom or drag ends following.
  let lastInputAt = Number.NEGATIVE_INFINITY
  const onInput = (event: Event) => {
    if (event instanceof KeyboardEvent && (event.key === 'Escape' || ['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)))
      return
    lastInputAt = performance.now()
  }
  document.addEventListener('pointerdown', onInput, true)
  document.addEventListener('keydown', onInput, true)
  onCleanup(() => {
    document.removeEventListener('pointerdown', onInput, true)
    document.removeEventListener('keydown', onInput, true)
  })
  createEffect(() => {
    const canvas = activeCanvas()
    if (!canvas) return
    const viewport = canvas.viewport()
    untrack(() => {
      if (!following()) return
      const now = performance.now()
      if (ownMove) {
        if (sameViewport(viewport, ownMove.target)) ownMove = null
        if (!ownMove || now < ownMove.until) return
        ownMove = null
      }
      if (lastTarget && sameViewport(viewport, lastTarget)) return
      if (now - lastInputAt < INPUT_WINDOW_MS) stopFollowing()
    })
  })
  createEffect(() => {
    const canvas = activeCanvas()
    if (!canvas) return
    const host = canvas.stage.container()
    let pressedAt: Point | null = null
    const onWheel = () => stopFollowing()
    const onDown = (e: PointerEvent) => {
      pressedAt = { x: e.clientX, y: e.clientY }
    }
    const onMove = (e: PointerEvent) => {
      if (!pressedAt || e.buttons === 0) return
      if (Math.hypot(e.clientX - pressedAt.x, e.clientY - pressedAt.y) > DRAG_PX) {
        pressedAt = null
        stopFollowing()
      }
    }
    const onUp = () => {
      pressedAt = null
    }
    host.addEventListener('wheel', onWheel, { capture: true, passive: true })
    host.addEventListener('pointerdown', onDown, true)
    host.addEventListener('pointermove', onMove, true)
    window.addEventListener('pointerup', onUp, true)
    onCleanup(() => {
      host.removeEventListener('wheel', onWheel, { capture: true })
      host.removeEventListener('pointerdown', onDown, true)
      host.removeEventListener('pointermove', onMove, true)
      window.removeEventListener('pointerup', onUp, true)
    })
  })

  // ---- summon ----
  let handledSummon: string | null = null
  const answerSummon = (summon: Summon | null) => {
    const answer = answersSummon(summon, handledSummon, me.id, facilitation.serverNow())
    if (summon) handledSummon = summon.id
    if (!summon || !answer) return
    const canvas = activeCanvas()
    if (!canvas) return
    if (!following()?.presenter) setChosen(null)
    moveTo(canvas, viewportShowing(summon.rect, canvas.size()), true)
    options.toasts.show(t('attention.summoned', { name: summon.by.name }), 'info', 4000)
  }
  createEffect(on(() => facilitation.state().summon, answerSummon))

  // ---- laser ----
  const [laser, setLaserSignal] = createSignal(false)
  const setLaser = (value: boolean) => {
    setLaserSignal(value)
    publisher.laser(value)
  }
  // this client's own trail, from every pointer move (others see the published cursor's)
  createEffect(() => {
    const canvas = activeCanvas()
    if (!canvas || !laser()) return
    const host = canvas.stage.container()
    const onMove = (e: PointerEvent) => {
      const box = host.getBoundingClientRect()
      options.cursors.laserAt(canvas.toBoard({ x: e.clientX - box.left, y: e.clientY - box.top }))
    }
    host.addEventListener('pointermove', onMove)
    onCleanup(() => host.removeEventListener('pointermove', onMove))
  })

  // ---- reactions ----
  const [reactions, setReactions] = createSignal<readonly FloatingReaction[]>([])
  const seen = new Set<string>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  onCleanup(() => {
    for (const timer of timers) clearTimeout(timer)
  })
  const float = (reaction: Reaction, who: { name: string; color: string | null }) => {
    if (seen.has(reaction.id)) return
    seen.add(reaction.id)
    const key = `${reaction.id}-${seen.size}`
    setReactions((list) => [...list.slice(-30), { ...reaction, key, name: who.name, color: who.color }])
    const timer = setTimeout(() => {
      timers.delete(timer)
      setReactions((list) => list.filter((r) => r.key !== key))
    }, REACTION_MS)
    timers.add(timer)
  }
  createEffect(() => {
    const now = facilitation.serverNow()
    for (const peer of peers()) {
      const reaction = peer.reaction
      if (!reaction || seen.has(reaction.id)) continue
      if (Math.abs(now - reaction.at) > REACTION_FRESH_MS) {
        seen.add(reaction.id)
        continue
      }
      untrack(() => float(reaction, peer))
    }
  })
  let lastReaction = Number.NEGATIVE_INFINITY
  const react = (emoji: string): boolean => {
    const now = performance.now()
    if (now - lastReaction < REACTION_INTERVAL_MS) return false
    const canvas = activeCanvas()
    if (!canvas) return false
    lastReaction = now
    const at = canvas.centre()
    const reaction: Reaction = {
      id: randomId(),
      emoji,
      x: Math.round(at.x),
      y: Math.round(at.y),
      at: Math.round(facilitation.serverNow()),
    }
    publisher.reaction(reaction)
    float(reaction, { name: me.displayName, color: session.color })
    return true
  }

  // ---- keys: Esc leaves following (or the laser), K toggles the laser ----
  const laserKey: KeyCommand = {
    id: 'laser',
    label: 'attention.laser',
    group: 'view',
    keys: [{ key: 'k' }],
    enabled: () => activeCanvas() !== null,
    run: () => setLaser(!laser()),
  }
  onCleanup(
    keyboard.register({
      id: 'attention',
      priority: 15,
      commands: () => [laserKey],
      handleKey: (event) => {
        if (event.key !== 'Escape' || event.ctrlKey || event.altKey || event.metaKey) return false
        if (following()) {
          stopFollowing()
          return true
        }
        if (laser()) {
          setLaser(false)
          return true
        }
        return false
      },
    }),
  )

  const attention: Attention = {
    following,
    steppedOut,
    presenting,
    follow: (person) => {
      if (person.id === me.id) return
      const p = presenter()
      if (p && p.userId !== person.id) setSteppedOutOf(p.userId)
      if (p && p.userId === person.id) {
        setSteppedOutOf(null)
        return
      }
      setChosen({ userId: person.id, name: person.name })
    },
    stopFollowing,
    rejoin: () => setSteppedOutOf(null),
    laser,
    setLaser,
    react,
    reactions,
  }
  setActiveAttention(attention)
  onCleanup(() => {
    if (untrack(activeAttention) === attention) setActiveAttention(null)
  })
  return attention
}

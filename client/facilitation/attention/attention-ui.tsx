import { createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import { activeCanvas } from '../../canvas/canvas-api.ts'
import { t } from '../../i18n/locale.ts'
import { Svg } from '../../workspace/icons.tsx'
import type { Attention, FloatingReaction } from './attention.ts'
import { REACTIONS } from './peer-attention.ts'
import './attention.css'

/** A pointer with a trail behind it. */
const LaserIcon = () => (
  <Svg>
    <circle cx="17" cy="7" r="2.5" fill="currentColor" />
    <path d="M14.5 9.5 4 20M11 9l-5 5M15 13l-5 5" />
  </Svg>
)
const SmileIcon = () => (
  <Svg>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M8.5 14a4 4 0 0 0 7 0M9 9.5h.01M15 9.5h.01" />
  </Svg>
)

/**
 * "Following Anna — Esc to stop" over the canvas while this view mirrors someone; during a
 * presentation it says who presents, and after stepping out offers to follow again.
 */
export function FollowBanner(props: { attention: Attention }) {
  const a = props.attention
  return (
    <>
      <Show when={a.following()}>
        {(target) => (
          <div class="attention-banner" role="status" data-testid="follow-banner" data-following={target().userId}>
            <span>
              {target().presenter
                ? t('attention.presenting', { name: target().name })
                : t('attention.following', { name: target().name })}
            </span>
            <button type="button" class="button button--small" onClick={() => a.stopFollowing()}>
              {t('attention.stopFollowing')}
            </button>
          </div>
        )}
      </Show>
      <Show when={!a.following() && a.steppedOut()}>
        {(presenter) => (
          <div class="attention-banner attention-banner--quiet" role="status" data-testid="presentation-banner">
            <span>{t('attention.steppedOut', { name: presenter().name })}</span>
            <button type="button" class="button button--small button--primary" onClick={() => a.rejoin()}>
              {t('attention.rejoin')}
            </button>
          </div>
        )}
      </Show>
      <Show when={a.presenting()}>
        <div class="attention-banner attention-banner--quiet" role="status" data-testid="presenting-banner">
          <span>{t('attention.youPresent')}</span>
        </div>
      </Show>
    </>
  )
}

/** The laser pointer toggle (K) and the reactions menu, floating over the canvas. */
export function AttentionControls(props: { attention: Attention }) {
  const a = props.attention
  const [open, setOpen] = createSignal(false)
  let root: HTMLFieldSetElement | undefined
  let reactButton: HTMLButtonElement | undefined
  const onOutside = (e: PointerEvent) => {
    if (open() && root && !root.contains(e.target as Node)) setOpen(false)
  }
  document.addEventListener('pointerdown', onOutside, true)
  onCleanup(() => document.removeEventListener('pointerdown', onOutside, true))
  // sits right of the zoom controls, whatever their width (a language's longer words)
  onMount(() => {
    const zoom = root?.parentElement?.querySelector<HTMLElement>('[data-testid="zoom-controls"]')
    if (!root || !zoom || typeof ResizeObserver === 'undefined') return
    const place = () => root?.style.setProperty('--attention-left', `${zoom.offsetLeft + zoom.offsetWidth + 8}px`)
    const observer = new ResizeObserver(place)
    observer.observe(zoom)
    place()
    onCleanup(() => observer.disconnect())
  })
  return (
    <fieldset
      class="attention-controls"
      aria-label={t('attention.controls')}
      ref={root}
      onKeyDown={(e) => {
        // Escape closes the menu (and nothing else), back on its button
        if (e.key !== 'Escape' || !open()) return
        e.stopPropagation()
        e.preventDefault()
        setOpen(false)
        reactButton?.focus()
      }}
    >
      <button
        type="button"
        class="ws-tool"
        classList={{ 'ws-tool--active': a.laser() }}
        aria-pressed={a.laser()}
        aria-label={t('attention.laser')}
        title={`${t('attention.laserHint')} (K)`}
        data-testid="laser-toggle"
        disabled={!activeCanvas()}
        onClick={() => a.setLaser(!a.laser())}
      >
        <LaserIcon />
      </button>
      <button
        type="button"
        class="ws-tool"
        aria-expanded={open()}
        aria-haspopup="true"
        aria-label={t('attention.react')}
        title={t('attention.react')}
        data-testid="reactions-button"
        disabled={!activeCanvas()}
        ref={reactButton}
        onClick={() => setOpen(!open())}
      >
        <SmileIcon />
      </button>
      <Show when={open()}>
        <fieldset class="attention-reactions" aria-label={t('attention.reactions')}>
          <For each={REACTIONS}>
            {(reaction) => (
              <button
                type="button"
                class="attention-reactions__emoji"
                aria-label={t(`attention.reaction.${reaction.name}`)}
                title={t(`attention.reaction.${reaction.name}`)}
                data-emoji={reaction.emoji}
                onClick={() => {
                  a.react(reaction.emoji)
                  setOpen(false)
                }}
              >
                {reaction.emoji}
              </button>
            )}
          </For>
        </fieldset>
      </Show>
    </fieldset>
  )
}

/** Emoji floating up from where they were sent (kept inside the visible canvas), for about two seconds. */
export function FloatingReactions(props: { attention: Attention }) {
  const place = (reaction: FloatingReaction) => {
    const canvas = activeCanvas()
    if (!canvas) return { left: '50%', top: '50%' }
    const host = canvas.stage.container().getBoundingClientRect()
    const at = canvas.toClient({ x: reaction.x, y: reaction.y })
    const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi))
    return {
      left: `${clamp(at.x, host.left + 24, host.right - 24)}px`,
      top: `${clamp(at.y, host.top + 80, host.bottom - 24)}px`,
    }
  }
  return (
    <div class="attention-floating" aria-live="polite">
      <For each={props.attention.reactions()}>
        {(reaction) => (
          <div class="attention-floating__item" style={place(reaction)} data-testid="reaction" data-emoji={reaction.emoji}>
            <span class="attention-floating__emoji" aria-hidden="true">
              {reaction.emoji}
            </span>
            <span class="attention-floating__name" style={reaction.color ? { background: reaction.color } : {}}>
              <span class="visually-hidden">{t('attention.reactionBy', { name: reaction.name, emoji: reaction.emoji })}</span>
              <span aria-hidden="true">{reaction.name}</span>
            </span>
          </div>
        )}
      </For>
    </div>
  )
}

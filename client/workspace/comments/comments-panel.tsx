import { createEffect, createMemo, createSignal, For, type JSX, onMount, Show } from 'solid-js'
import {
  type Comment,
  MAX_COMMENT_CHARS,
  type Mentionable,
  mentionCandidates,
  mentionQueryAt,
  mentionSpans,
  type Thread,
} from '../../../shared/comments/comment.ts'
import { canFacilitate, hasRole } from '../../../shared/schema/roles.ts'
import { ApiError } from '../../api.ts'
import { useBoard } from '../../board/board-context.ts'
import type { BoardElement } from '../../board/board-store.ts'
import { centreOnElement } from '../../canvas/canvas-api.ts'
import type { CommentsStore } from '../../comments/comments-store.ts'
import { formatDateTime, formatRelativeTime, t } from '../../i18n/locale.ts'
import { outlineName } from '../outline/outline-names.ts'
import './comments.css'

let composerCount = 0

/**
 * The "Comments" tab: the board's threads — those on the selected element first — with new
 * comment, reply, edit (own), resolve / reopen and delete (own; facilitators any), `@` member
 * autocomplete, and a switch for resolved threads. Reads live from the document; writes by
 * REST. Reviewers and everyone above write; viewers read.
 */
export function CommentsPanel(props: { comments: CommentsStore }) {
  const { store, selection, role, me } = useBoard()
  const comments = props.comments
  const mayWrite = () => hasRole(role(), 'reviewer')
  const [showResolved, setShowResolved] = createSignal(false)
  onMount(() => void comments.loadMembers().catch(() => undefined))

  const byId = (id: string): BoardElement | undefined => store.state.elements[id]
  const selected = createMemo(() => {
    const ids = selection.ids()
    return ids.length === 1 ? byId(ids[0] ?? '') : undefined
  })
  const targetName = (elementId: string | null) => {
    if (elementId === null) return t('comments.onBoard')
    const element = byId(elementId)
    return element ? outlineName(element, byId) : t('comments.elementGone')
  }
  const open = () => comments.threads().filter((thread) => !thread.resolved)
  const resolvedCount = () => comments.threads().length - open().length
  const shown = () => (showResolved() ? comments.threads() : open())
  const newestFirst = (list: readonly Thread[]) => [...list].sort((a, b) => (a.lastAt < b.lastAt ? 1 : -1))
  const onSelected = () => {
    const element = selected()
    return element ? newestFirst(shown().filter((thread) => thread.elementId === element.id)) : []
  }
  const others = () => {
    const element = selected()
    return newestFirst(shown().filter((thread) => !element || thread.elementId !== element.id))
  }

  /** Selects the thread's element and brings it to the middle of the view. */
  const flyTo = (elementId: string) => {
    const element = byId(elementId)
    if (!element) return
    selection.set([element.id])
    centreOnElement(element)
  }

  // where a new thread goes: the selected element (when there is one) or the board
  const [onBoard, setOnBoard] = createSignal(false)
  const newTarget = () => {
    const element = selected()
    return element && !onBoard() ? element.id : null
  }

  // the thread just written, brought into view when it arrives: below the composer, on a phone's
  // sheet it would otherwise stay out of sight and the comment seem lost
  const [reveal, setReveal] = createSignal<string | null>(null)

  const threadList = (list: readonly Thread[]) => (
    <ul class="cm-threads">
      <For each={list}>
        {(thread) => (
          <ThreadView
            thread={thread}
            comments={comments}
            target={targetName(thread.elementId)}
            onTarget={thread.elementId ? () => flyTo(thread.elementId as string) : undefined}
            mayWrite={mayWrite()}
            mayModerate={canFacilitate(role())}
            myId={me.id}
            reveal={reveal() === thread.id}
            onRevealed={() => setReveal(null)}
          />
        )}
      </For>
    </ul>
  )

  return (
    <section class="cm-panel" aria-labelledby="cm-heading" data-testid="comments-panel">
      <h2 id="cm-heading" class="cm-heading">
        {t('comments.heading')}
      </h2>
      <p class="cm-counts" data-testid="comments-counts">
        {t('comments.openCount', { count: open().length })}
        <Show when={resolvedCount() > 0}> · {t('comments.resolvedCount', { count: resolvedCount() })}</Show>
      </p>
      <Show
        when={mayWrite()}
        fallback={
          <p class="muted" data-testid="comments-read-only">
            {t('comments.readOnly')}
          </p>
        }
      >
        <div class="cm-new">
          <fieldset class="cm-target-choice">
            <legend>{t('comments.newOn')}</legend>
            <label>
              <input
                type="radio"
                name="cm-target"
                checked={newTarget() !== null}
                disabled={!selected()}
                onChange={() => setOnBoard(false)}
              />{' '}
              {selected() ? t('comments.onElement', { name: targetName(selected()?.id ?? null) }) : t('comments.noSelection')}
            </label>
            <label>
              <input type="radio" name="cm-target" checked={newTarget() === null} onChange={() => setOnBoard(true)} />{' '}
              {t('comments.onBoard')}
            </label>
          </fieldset>
          <Composer
            label={t('comments.new')}
            submitLabel={t('comments.send')}
            members={comments.members()}
            testId="comment-new"
            onSubmit={async (body) => {
              const comment = await comments.create({ body, elementId: newTarget() })
              setReveal(comment.threadId)
            }}
          />
        </div>
      </Show>
      <label class="cm-toggle">
        <input
          type="checkbox"
          checked={showResolved()}
          onChange={(e) => setShowResolved(e.currentTarget.checked)}
          data-testid="comments-show-resolved"
        />{' '}
        {t('comments.showResolved')}
      </label>
      <Show when={onSelected().length > 0}>
        <h3 class="cm-subheading">{t('comments.onSelected')}</h3>
        {threadList(onSelected())}
      </Show>
      <Show when={others().length > 0}>
        <h3 class="cm-subheading">{selected() ? t('comments.otherThreads') : t('comments.allThreads')}</h3>
        {threadList(others())}
      </Show>
      <Show when={shown().length === 0}>
        <p class="muted" data-testid="comments-empty">
          {t('comments.empty')}
        </p>
      </Show>
    </section>
  )
}

function ThreadView(props: {
  thread: Thread
  comments: CommentsStore
  target: string
  onTarget: (() => void) | undefined
  mayWrite: boolean
  mayModerate: boolean
  myId: string
  reveal?: boolean
  onRevealed?: () => void
}) {
  const [replying, setReplying] = createSignal(false)
  let item: HTMLLIElement | undefined
  createEffect(() => {
    if (!props.reveal || !item) return
    item.scrollIntoView({ block: 'nearest' })
    props.onRevealed?.()
  })
  const [error, setError] = createSignal<string | null>(null)
  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause))
    }
  }
  const label = () => t('comments.threadLabel', { target: props.target, author: props.thread.first.authorName })
  return (
    <li
      ref={item}
      class="cm-thread"
      classList={{ 'cm-thread--resolved': props.thread.resolved }}
      data-testid="comment-thread"
      data-thread-id={props.thread.id}
      data-resolved={props.thread.resolved ? 'true' : 'false'}
    >
      <article aria-label={label()}>
        <p class="cm-thread__target">
          <Show when={props.onTarget} fallback={<span>{props.target}</span>}>
            {(go) => (
              <button type="button" class="cm-link" onClick={() => go()()} data-testid="comment-target">
                {t('comments.showElement', { name: props.target })}
              </button>
            )}
          </Show>
          <Show when={props.thread.resolved}>
            <span class="cm-badge" data-testid="comment-resolved-badge">
              {t('comments.resolved')}
            </span>
          </Show>
        </p>
        <CommentView
          comment={props.thread.first}
          comments={props.comments}
          mine={props.thread.first.authorId === props.myId}
          mayDelete={props.mayWrite && (props.thread.first.authorId === props.myId || props.mayModerate)}
          deleteLabel={t('comments.deleteThread')}
        />
        <Show when={props.thread.replies.length > 0}>
          <ul class="cm-replies" aria-label={t('comments.replies', { count: props.thread.replies.length })}>
            <For each={props.thread.replies}>
              {(reply) => (
                <li>
                  <CommentView
                    comment={reply}
                    comments={props.comments}
                    mine={reply.authorId === props.myId}
                    mayDelete={props.mayWrite && (reply.authorId === props.myId || props.mayModerate)}
                    deleteLabel={t('comments.delete')}
                  />
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.mayWrite}>
          <div class="cm-actions">
            <Show when={!replying()}>
              <button type="button" class="button button--small" onClick={() => setReplying(true)} data-testid="comment-reply">
                {t('comments.reply')}
              </button>
            </Show>
            <button
              type="button"
              class="button button--small"
              data-testid={props.thread.resolved ? 'comment-reopen' : 'comment-resolve'}
              onClick={() => run(() => props.comments.update(props.thread.id, { resolved: !props.thread.resolved }))}
            >
              {props.thread.resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          </div>
          <Show when={replying()}>
            <Composer
              label={t('comments.replyLabel', { author: props.thread.first.authorName })}
              submitLabel={t('comments.reply')}
              members={props.comments.members()}
              testId="comment-reply-box"
              autofocus
              onCancel={() => setReplying(false)}
              onSubmit={async (body) => {
                await props.comments.create({ body, threadId: props.thread.id })
                setReplying(false)
              }}
            />
          </Show>
        </Show>
        <Show when={error()}>
          <p class="cm-error" role="alert">
            {error()}
          </p>
        </Show>
      </article>
    </li>
  )
}

function CommentView(props: {
  comment: Comment
  comments: CommentsStore
  mine: boolean
  mayDelete: boolean
  deleteLabel: string
}) {
  const [editing, setEditing] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const created = () => new Date(props.comment.createdAt)
  const remove = async () => {
    if (!window.confirm(t('comments.deleteConfirm'))) return
    setError(null)
    try {
      await props.comments.remove(props.comment.id)
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause))
    }
  }
  return (
    <div class="cm-comment" data-testid="comment" data-comment-id={props.comment.id}>
      <p class="cm-comment__meta">
        <span class="cm-comment__author">{props.comment.authorName}</span>{' '}
        <time datetime={props.comment.createdAt} title={formatDateTime(created())}>
          {formatRelativeTime(created())}
        </time>
        <Show when={props.comment.editedAt}>
          {' '}
          <span class="cm-comment__edited">{t('comments.edited')}</span>
        </Show>
      </p>
      <Show
        when={editing()}
        fallback={
          <p class="cm-comment__body" data-testid="comment-body">
            <Body text={props.comment.body} members={props.comments.members()} />
          </p>
        }
      >
        <Composer
          label={t('comments.editLabel')}
          submitLabel={t('comments.save')}
          members={props.comments.members()}
          initial={props.comment.body}
          testId="comment-edit-box"
          autofocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await props.comments.update(props.comment.id, { body })
            setEditing(false)
          }}
        />
      </Show>
      <Show when={!editing() && (props.mine || props.mayDelete)}>
        <div class="cm-comment__actions">
          <Show when={props.mine}>
            <button type="button" class="cm-link" onClick={() => setEditing(true)} data-testid="comment-edit">
              {t('comments.edit')}
            </button>
          </Show>
          <Show when={props.mayDelete}>
            <button type="button" class="cm-link" onClick={remove} data-testid="comment-delete">
              {props.deleteLabel}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={error()}>
        <p class="cm-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  )
}

/** A comment's text with its mentions of members set off. */
function Body(props: { text: string; members: readonly Mentionable[] }): JSX.Element {
  const parts = () => {
    const out: { text: string; mention: boolean }[] = []
    let at = 0
    for (const span of mentionSpans(props.text, props.members)) {
      if (span.start > at) out.push({ text: props.text.slice(at, span.start), mention: false })
      out.push({ text: props.text.slice(span.start, span.end), mention: true })
      at = span.end
    }
    if (at < props.text.length) out.push({ text: props.text.slice(at), mention: false })
    return out
  }
  return <For each={parts()}>{(part) => (part.mention ? <strong class="cm-mention">{part.text}</strong> : part.text)}</For>
}

/**
 * A comment's text field with `@` member autocomplete: typing `@` and the start of a name
 * lists matching members (↑/↓ to choose, Enter or Tab to take, Escape to close); Ctrl+Enter
 * sends.
 */
function Composer(props: {
  label: string
  submitLabel: string
  members: readonly Mentionable[]
  initial?: string
  testId: string
  autofocus?: boolean
  onSubmit: (body: string) => Promise<void>
  onCancel?: () => void
}) {
  const id = `cm-composer-${++composerCount}`
  const [text, setText] = createSignal(props.initial ?? '')
  const [caret, setCaret] = createSignal(0)
  const [active, setActive] = createSignal(0)
  const [dismissed, setDismissed] = createSignal<number | null>(null)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  let field: HTMLTextAreaElement | undefined
  onMount(() => {
    if (props.autofocus) field?.focus()
  })

  const query = () => mentionQueryAt(text(), caret())
  const candidates = () => {
    const q = query()
    if (!q || dismissed() === q.start) return []
    return mentionCandidates(props.members, q.query)
  }
  const take = (member: Mentionable) => {
    const q = query()
    if (!q || !field) return
    const before = text().slice(0, q.start)
    const after = text().slice(caret())
    const inserted = `@${member.displayName} `
    const next = before + inserted + after
    setText(next)
    const at = before.length + inserted.length
    field.value = next
    field.setSelectionRange(at, at)
    setCaret(at)
    setActive(0)
  }
  const submit = async () => {
    const body = text().trim()
    if (!body || busy()) return
    setBusy(true)
    setError(null)
    try {
      await props.onSubmit(body)
      setText('')
      setCaret(0)
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause))
    } finally {
      setBusy(false)
    }
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const list = candidates()
    if (list.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        setActive((active() + (event.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const member = list[Math.min(active(), list.length - 1)]
        if (member) {
          event.preventDefault()
          take(member)
          return
        }
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        setDismissed(query()?.start ?? null)
        return
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    } else if (event.key === 'Escape' && props.onCancel) {
      event.preventDefault()
      event.stopPropagation()
      props.onCancel()
    }
  }
  const listId = `${id}-members`
  return (
    <form
      class="cm-composer"
      data-testid={props.testId}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <label for={id} class="cm-composer__label">
        {props.label}
      </label>
      <textarea
        ref={field}
        id={id}
        class="cm-composer__field"
        rows={3}
        maxLength={MAX_COMMENT_CHARS}
        value={text()}
        aria-describedby={`${id}-hint`}
        aria-autocomplete="list"
        aria-controls={candidates().length > 0 ? listId : undefined}
        aria-activedescendant={candidates().length > 0 ? `${listId}-${Math.min(active(), candidates().length - 1)}` : undefined}
        onInput={(event) => {
          setText(event.currentTarget.value)
          setCaret(event.currentTarget.selectionStart)
          setActive(0)
        }}
        onKeyUp={(event) => setCaret(event.currentTarget.selectionStart)}
        onClick={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} class="cm-composer__hint muted">
        {t('comments.mentionHint')} <span class="cm-composer__send-hint">{t('comments.sendHint')}</span>
      </p>
      <Show when={candidates().length > 0}>
        <div id={listId} class="cm-mentions" role="listbox" aria-label={t('comments.mentionList')} data-testid="mention-list">
          <For each={candidates()}>
            {(member, index) => (
              // biome-ignore lint/a11y/useFocusableInteractive: reached through the text field's aria-activedescendant, the focus stays in the field
              <div
                id={`${listId}-${index()}`}
                role="option"
                class="cm-mentions__option"
                aria-selected={index() === Math.min(active(), candidates().length - 1)}
                onMouseDown={(event) => {
                  event.preventDefault()
                  take(member)
                }}
              >
                {member.displayName}
              </div>
            )}
          </For>
        </div>
      </Show>
      <div class="cm-composer__buttons">
        <button type="submit" class="button button--primary button--small" disabled={busy() || text().trim() === ''}>
          {props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="button button--small" onClick={() => cancel()()}>
              {t('comments.cancel')}
            </button>
          )}
        </Show>
      </div>
      <Show when={error()}>
        <p class="cm-error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  )
}

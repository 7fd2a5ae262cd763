import { createEffect, createSignal, For, Index, on, Show } from 'solid-js'
import type { FacilitationCommand } from '../../shared/facilitation/commands.ts'
import type { ElementId } from '../../shared/schema/fields.ts'
import { canFacilitate, type Role } from '../../shared/schema/roles.ts'
import { request } from '../api.ts'
import { useBoard } from '../board/board-context.ts'
import { Dialog } from '../components/dialog.tsx'
import { t } from '../i18n/locale.ts'
import { useFrames } from './agenda-dialog.tsx'

/** A member as `GET /api/boards/:id/members` shows them (the fields used here). */
interface Member {
  userId: string
  displayName: string
  role: Role
}

const MAX_GROUPS = 50

/**
 * Splitting the participants into groups, each with its own frame: evenly at random (the server
 * shares out the participants: `groups.random`) or by hand from the members list (`groups.set`).
 * Facilitators are in no group; they visit groups from the bar.
 */
export function GroupsDialog(props: {
  open: boolean
  onClose: () => void
  send: (command: FacilitationCommand) => Promise<boolean>
}) {
  const { board } = useBoard()
  const frames = useFrames()
  const [mode, setMode] = createSignal<'random' | 'hand'>('random')
  const [count, setCount] = createSignal(2)
  const [groupFrames, setGroupFrames] = createSignal<string[]>([])
  const [members, setMembers] = createSignal<Member[]>([])
  const [assigned, setAssigned] = createSignal<Record<string, number>>({})
  const [saving, setSaving] = createSignal(false)

  createEffect(
    on(
      () => props.open,
      async (open) => {
        if (!open) return
        // the board's frames, in order, are the groups' frames unless the facilitator picks others
        const ids = frames().map((frame) => frame.id)
        setGroupFrames(Array.from({ length: MAX_GROUPS }, (_, i) => ids[i] ?? ''))
        try {
          const answer = await request<{ members: Member[] }>('GET', `/api/boards/${encodeURIComponent(board.id)}/members`)
          const participants = answer.members.filter((member) => !canFacilitate(member.role))
          setMembers(participants)
          setAssigned(Object.fromEntries(participants.map((member, i) => [member.userId, i % count()])))
        } catch {
          setMembers([])
        }
      },
    ),
  )

  const groupIndexes = () => Array.from({ length: count() }, (_, i) => i)
  const setFrame = (index: number, frameId: string) => setGroupFrames((all) => all.map((id, i) => (i === index ? frameId : id)))

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const chosen = groupFrames().slice(0, count()) as ElementId[]
    let command: FacilitationCommand
    if (mode() === 'random') {
      // frames go to groups in order: those before the first group without one
      const gap = chosen.findIndex((id) => !id)
      const frameIds = gap < 0 ? chosen : chosen.slice(0, gap)
      command = { command: 'groups.random', count: count(), ...(frameIds.length > 0 ? { frameIds } : {}) }
    } else {
      command = {
        command: 'groups.set',
        groups: groupIndexes().map((i) => ({
          name: String(i + 1),
          ...(chosen[i] ? { frameId: chosen[i] } : {}),
          userIds: members()
            .filter((member) => assigned()[member.userId] === i)
            .map((member) => member.userId),
        })),
      }
    }
    setSaving(true)
    const ok = await props.send(command)
    setSaving(false)
    if (ok) props.onClose()
  }

  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('facilitation.groupsTitle')} class="fac-dialog">
      <form class="fac-form" onSubmit={submit} data-testid="groups-dialog">
        <fieldset class="fac-form__modes">
          <label class="fac-check">
            <input type="radio" name="groups-mode" checked={mode() === 'random'} onChange={() => setMode('random')} />
            {t('facilitation.groupsRandom')}
          </label>
          <label class="fac-check">
            <input
              type="radio"
              name="groups-mode"
              data-testid="groups-by-hand"
              checked={mode() === 'hand'}
              onChange={() => setMode('hand')}
            />
            {t('facilitation.groupsByHand')}
          </label>
        </fieldset>
        <label class="field">
          <span class="field__label">{t('facilitation.groupsCount')}</span>
          <input
            class="input fac-form__count"
            type="number"
            min="2"
            max={MAX_GROUPS}
            step="1"
            data-testid="groups-count"
            value={count()}
            onInput={(e) => {
              const value = Math.round(Number(e.currentTarget.value))
              if (Number.isFinite(value) && value >= 2 && value <= MAX_GROUPS) setCount(value)
            }}
          />
        </label>
        <Show when={mode() === 'random'}>
          <p class="field__hint">{t('facilitation.groupsRandomHint')}</p>
        </Show>
        <div class="fac-groups">
          <For each={groupIndexes()}>
            {(i) => (
              <label class="field">
                <span class="field__label">{t('facilitation.groupFrame', { name: i + 1 })}</span>
                <select
                  class="input"
                  data-testid="group-frame"
                  value={groupFrames()[i] ?? ''}
                  onChange={(e) => setFrame(i, e.currentTarget.value)}
                >
                  <option value="">{t('facilitation.stepNoFrame')}</option>
                  <For each={frames()}>
                    {(frame) => (
                      <option value={frame.id} selected={frame.id === groupFrames()[i]}>
                        {frame.label || t('facilitation.untitledFrame')}
                      </option>
                    )}
                  </For>
                </select>
              </label>
            )}
          </For>
        </div>
        <Show when={mode() === 'hand'}>
          <Show when={members().length > 0} fallback={<p class="field__hint">{t('facilitation.groupsNoMembers')}</p>}>
            <ul class="fac-members">
              <Index each={members()}>
                {(member) => (
                  <li class="fac-members__item">
                    <span>{member().displayName}</span>
                    <select
                      class="input"
                      aria-label={t('facilitation.groupOfPerson', { name: member().displayName })}
                      data-testid="member-group"
                      data-user-id={member().userId}
                      onChange={(e) => setAssigned((all) => ({ ...all, [member().userId]: Number(e.currentTarget.value) }))}
                    >
                      <option value="-1">{t('facilitation.noGroup')}</option>
                      <For each={groupIndexes()}>
                        {(i) => (
                          <option value={i} selected={assigned()[member().userId] === i}>
                            {t('facilitation.groupName', { name: i + 1 })}
                          </option>
                        )}
                      </For>
                    </select>
                  </li>
                )}
              </Index>
            </ul>
          </Show>
        </Show>
        <div class="fac-form__actions">
          <span class="fac-form__spacer" />
          <button type="button" class="button button--ghost" onClick={() => props.onClose()}>
            {t('app.cancel')}
          </button>
          <button type="submit" class="button button--primary" data-testid="groups-start" disabled={saving()}>
            {t('facilitation.groupsStart')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

import { useNavigate } from '@solidjs/router'
import { createResource, createSignal, For, Show } from 'solid-js'
import { hasRole, type Role, roles } from '../../../shared/schema/roles.ts'
import type { Invite } from '../../api.ts'
import { FormAlert, SelectField } from '../../components/field.tsx'
import { createInviteLink, inviteUses } from '../../components/invite-link.ts'
import { RoleBadge } from '../../components/role-badge.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { enumLabel, formatDateTime, t } from '../../i18n/locale.ts'
import { useSession } from '../../session/session-store.ts'
import { collectionApi } from './collection-api.ts'
import { type CollectionPage, canManage, settled } from './collection-context.ts'
import { LoadState } from './collection-screen.tsx'

const inviteRoles: Invite['role'][] = ['reviewer', 'editor', 'viewer', 'facilitator']
const memberRoles = roles.filter((role) => role !== 'owner')

/** Members: who is in the collection with which role; owners and facilitators change roles and invite. */
export function MembersTab(props: { page: CollectionPage }) {
  const page = props.page
  const [user] = useSession()
  const [members, { refetch, mutate }] = createResource(async () => (await collectionApi.members(page.id)).members)
  const [error, setError] = createSignal<unknown>(null)
  const setRole = async (userId: string, role: Role) => {
    setError(null)
    try {
      const { member } = await collectionApi.setMemberRole(page.id, userId, role)
      mutate((list) => list?.map((other) => (other.userId === userId ? { ...other, ...member } : other)))
    } catch (failure) {
      setError(failure)
      void refetch()
    }
  }
  const remove = async (userId: string) => {
    setError(null)
    try {
      await collectionApi.removeMember(page.id, userId)
      mutate((list) => list?.filter((other) => other.userId !== userId))
    } catch (failure) {
      setError(failure)
    }
  }
  return (
    <section class="collection-section" aria-labelledby="members-title">
      <h2 id="members-title" class="collection-section__title">
        {t('collection.members.title')}
      </h2>
      <p class="muted">{t('collection.members.intro')}</p>
      <FormAlert message={error() ? errorMessage(error()) : null} />
      <LoadState
        error={members.error}
        loading={members.loading && !settled(members)}
        retry={refetch}
        failed="collection.members.loadFailed"
      />
      <Show when={settled(members)}>
        {(list) => (
          <ul class="member-rows" data-testid="member-list">
            <For each={list()}>
              {(member) => {
                const editable = () => canManage(page) && member.role !== 'owner' && member.userId !== user()?.id
                return (
                  <li class="member-row" data-user-id={member.userId}>
                    <span class="member-row__name">
                      {member.displayName}
                      <Show when={member.guest}>
                        <span class="badge badge--muted">{t('app.guestBadge')}</span>
                      </Show>
                    </span>
                    <Show when={editable()} fallback={<RoleBadge role={member.role} />}>
                      <label class="visually-hidden" for={`member-role-${member.userId}`}>
                        {t('collection.members.roleOf', { name: member.displayName })}
                      </label>
                      <select
                        id={`member-role-${member.userId}`}
                        class="input select member-row__role"
                        value={member.role}
                        onChange={(e) => setRole(member.userId, e.currentTarget.value as Role)}
                      >
                        <For each={memberRoles}>{(role) => <option value={role}>{enumLabel('role', role)}</option>}</For>
                      </select>
                      <button type="button" class="button button--small button--ghost" onClick={() => remove(member.userId)}>
                        {t('collection.members.remove')}
                        <span class="visually-hidden"> {member.displayName}</span>
                      </button>
                    </Show>
                  </li>
                )
              }}
            </For>
          </ul>
        )}
      </Show>
      <Show when={canManage(page)}>
        <InviteForm page={page} />
        <CollectionSettings page={page} />
      </Show>
    </section>
  )
}

/** A link that makes whoever opens it a member with the chosen role. */
function InviteForm(props: { page: CollectionPage }) {
  const [role, setRole] = createSignal<Invite['role']>('reviewer')
  /** bumped after a new link, so the list of links reloads */
  const [version, setVersion] = createSignal(0)
  const { invite, busy, error, copied, link, create, copy, forget, linkField } = createInviteLink(
    async () => (await collectionApi.createInvite(props.page.id, role())).invite,
    () => setVersion((v) => v + 1),
  )
  return (
    <>
      <form class="collection-form card" onSubmit={create} data-testid="collection-invite-form">
        <h3 class="collection-form__title">{t('collection.members.invite')}</h3>
        <FormAlert message={error() ? errorMessage(error()) : null} />
        <div class="collection-form__row">
          <SelectField
            class="collection-form__narrow"
            label={t('collection.members.inviteRole')}
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as Invite['role'])}
          >
            <For each={inviteRoles}>{(option) => <option value={option}>{enumLabel('role', option)}</option>}</For>
          </SelectField>
        </div>
        <p class="field__hint">{t('collection.members.inviteHint')}</p>
        <div>
          <button type="submit" class="button button--primary" disabled={busy()}>
            {t('collection.members.createLink')}
          </button>
        </div>
        <Show when={invite()}>
          <div class="field">
            <label class="field__label" for="collection-invite-link">
              {t('collection.members.link', { role: enumLabel('role', invite()?.role ?? 'viewer') })}
            </label>
            <div class="collection-form__row">
              <input
                ref={linkField}
                id="collection-invite-link"
                class="input"
                readOnly
                value={link()}
                data-testid="collection-invite-link"
              />
              <button type="button" class="button" onClick={copy}>
                {copied() ? t('collection.members.copied') : t('collection.members.copy')}
              </button>
            </div>
          </div>
        </Show>
      </form>
      <InviteLinks
        page={props.page}
        version={version()}
        onRevoked={(token) => {
          if (invite()?.token === token) forget()
        }}
      />
    </>
  )
}

/** The collection's active invite links, each revocable. */
function InviteLinks(props: { page: CollectionPage; version: number; onRevoked: (token: string) => void }) {
  const [error, setError] = createSignal<unknown>(null)
  const [invites, { refetch }] = createResource(
    () => [props.page.id, props.version] as const,
    async ([id]) => (await collectionApi.invites(id)).invites,
  )
  const revoke = async (invite: Invite) => {
    setError(null)
    try {
      await collectionApi.revokeInvite(props.page.id, invite.token)
      props.onRevoked(invite.token)
      await refetch()
    } catch (failure) {
      setError(failure)
    }
  }
  return (
    <section class="invite-list" aria-labelledby="collection-invites-title">
      <h4 id="collection-invites-title" class="collection-section__minor">
        {t('invite.active')}
      </h4>
      <FormAlert message={error() ? errorMessage(error()) : null} />
      <Show when={(settled(invites) ?? []).length > 0} fallback={<p class="field__hint">{t('invite.none')}</p>}>
        <ul class="member-rows" data-testid="collection-invite-list">
          <For each={settled(invites)}>
            {(invite) => (
              <li class="member-row" data-testid="collection-invite-row">
                <span class="member-row__name">{enumLabel('role', invite.role)}</span>
                <span class="muted">
                  {t('invite.expiresAt', { time: formatDateTime(new Date(invite.expiresAt)) })} · {inviteUses(invite)}
                </span>
                <button type="button" class="button button--small button--danger" onClick={() => void revoke(invite)}>
                  {t('invite.revoke')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}

/** Rename the collection (owner, facilitators); delete it (owner only, after a second press). */
function CollectionSettings(props: { page: CollectionPage }) {
  const navigate = useNavigate()
  const [title, setTitle] = createSignal(props.page.collection().title)
  const [error, setError] = createSignal<unknown>(null)
  const [saved, setSaved] = createSignal(false)
  const [confirming, setConfirming] = createSignal(false)
  const rename = async (event: SubmitEvent) => {
    event.preventDefault()
    if (!title().trim()) return
    setError(null)
    setSaved(false)
    try {
      const { collection } = await collectionApi.update(props.page.id, { title: title().trim() })
      props.page.setCollection(collection)
      setSaved(true)
    } catch (failure) {
      setError(failure)
    }
  }
  const remove = async () => {
    setError(null)
    try {
      await collectionApi.remove(props.page.id)
      navigate('/', { replace: true })
    } catch (failure) {
      setError(failure)
    }
  }
  return (
    <form class="collection-form card" onSubmit={rename} data-testid="collection-settings">
      <h3 class="collection-form__title">{t('collection.settings.title')}</h3>
      <FormAlert message={error() ? errorMessage(error()) : null} />
      <div class="collection-form__row">
        <div class="field">
          <label class="field__label" for="collection-title-field">
            {t('collection.settings.name')}
          </label>
          <input
            id="collection-title-field"
            class="input"
            maxLength={200}
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button">
          {t('collection.settings.rename')}
        </button>
      </div>
      <span role="status" class="muted">
        {saved() ? t('collection.saved') : ''}
      </span>
      <Show when={hasRole(props.page.collection().role, 'owner')}>
        <p class="field__hint">{t('collection.settings.deleteHint')}</p>
        <div class="collection-form__buttons">
          <Show
            when={confirming()}
            fallback={
              <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>
                {t('collection.settings.delete')}
              </button>
            }
          >
            <button type="button" class="button button--danger" onClick={() => void remove()}>
              {t('collection.settings.deleteConfirm', { title: props.page.collection().title })}
            </button>
            <button type="button" class="button button--ghost" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </Show>
        </div>
      </Show>
    </form>
  )
}

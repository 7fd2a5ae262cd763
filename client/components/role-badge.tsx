import type { Role } from '../../shared/schema/roles.ts'
import { enumLabel, t } from '../i18n/locale.ts'

/** The caller's role as text (the colour only repeats it). */
export function RoleBadge(props: { role: Role; withPrefix?: boolean }) {
  return (
    <span class={`badge badge--role badge--${props.role}`} data-role={props.role}>
      {props.withPrefix ? t('boards.role', { role: enumLabel('role', props.role) }) : enumLabel('role', props.role)}
    </span>
  )
}

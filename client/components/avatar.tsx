import { initialsOf } from '../board/user-color.ts'

/** Initials on the person's colour; the name is given by the surrounding text or `label`. */
export function Avatar(props: { name: string; color: string; size?: 'sm' | 'md'; label?: string; isSelf?: boolean }) {
  return (
    <span
      class={`avatar avatar--${props.size ?? 'md'}`}
      classList={{ 'avatar--self': props.isSelf }}
      style={{ 'background-color': props.color }}
      role="img"
      aria-label={props.label}
      aria-hidden={props.label ? undefined : 'true'}
      title={props.label}
    >
      {initialsOf(props.name)}
    </span>
  )
}

import type { JSX } from 'solid-js'
import { Svg as IconSvg } from '../workspace/icons.tsx'

/** The facilitation bar's icons: the workspace's icon base, a size smaller by default. */
function Svg(props: { children: JSX.Element; size?: number }) {
  return <IconSvg size={props.size ?? 18}>{props.children}</IconSvg>
}

type P = { size?: number }

export const PlayIcon = (p: P) => (
  <Svg {...p}>
    <path d="M8 5l11 7-11 7z" />
  </Svg>
)
export const PauseIcon = (p: P) => (
  <Svg {...p}>
    <path d="M9 5v14M15 5v14" />
  </Svg>
)
export const PlusMinuteIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="12" cy="13" r="7" />
    <path d="M12 10v6M9 13h6M10 3h4" />
  </Svg>
)
export const ResetIcon = (p: P) => (
  <Svg {...p}>
    <path d="M4 12a8 8 0 1 0 2.5-5.8M4 4v4h4" />
  </Svg>
)
export const HandIcon = (p: P) => (
  <Svg {...p}>
    <path d="M8 13V5.5a1.5 1.5 0 0 1 3 0V11M11 10V4.5a1.5 1.5 0 0 1 3 0V11M14 10.5V6a1.5 1.5 0 0 1 3 0v7a7 7 0 0 1-7 7h-.5a6 6 0 0 1-4.9-2.6L3 14.5a1.5 1.5 0 0 1 2.4-1.8L8 15" />
  </Svg>
)
export const PresentIcon = (p: P) => (
  <Svg {...p}>
    <rect x="3" y="4" width="18" height="12" rx="1.5" />
    <path d="M12 16v4M8 20h8" />
  </Svg>
)
export const SummonIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 3v3M12 18v3M3 12h3M18 12h3M6 6l2 2M16 16l2 2M18 6l-2 2M8 16l-2 2" />
  </Svg>
)
export const UnlockIcon = (p: P) => (
  <Svg {...p}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 7.7-1.5" />
  </Svg>
)
export const GroupsIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="3" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M2.5 19a5.5 5.5 0 0 1 11 0M14 15.5a4.5 4.5 0 0 1 7.5 3.5" />
  </Svg>
)
export const MenuIcon = (p: P) => (
  <Svg {...p}>
    <path d="M4 7h16M4 12h16M4 17h16" />
  </Svg>
)
export const StopwatchIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="12" cy="14" r="7" />
    <path d="M12 14V10.5M10 3h4M18.5 7.5l1.5-1.5" />
  </Svg>
)
/** An open eye: read along. */
export const EyeIcon = (p: P) => (
  <Svg {...p}>
    <path d="M2.5 12C3.5 10 7 6 12 6s8.5 4 9.5 6c-1 2-4.5 6-9.5 6s-8.5-4-9.5-6z" />
    <circle cx="12" cy="12" r="3" />
  </Svg>
)
/** The eye with a stroke through it: seen by nobody else. */
export const EyeSlashIcon = (p: P) => (
  <Svg size={p.size ?? 16}>
    <path d="M3 3l18 18" />
    <path d="M10.6 6.1A9.7 9.7 0 0 1 12 6c5 0 8.5 4 9.5 6a13 13 0 0 1-2.6 3.4" />
    <path d="M6.5 7.6A13.4 13.4 0 0 0 2.5 12c1 2 4.5 6 9.5 6a9.3 9.3 0 0 0 4.4-1.1" />
    <path d="M9.9 10a3 3 0 0 0 4.1 4.2" />
  </Svg>
)

import type { JSX } from 'solid-js'

/**
 * Workspace icons: decorative (the buttons carry accessible names), 24 × 24 strokes.
 * The facilitation icons draw on the same base.
 */
export function Svg(props: { children: JSX.Element; size?: number }) {
  return (
    <svg
      class="icon"
      width={props.size ?? 20}
      height={props.size ?? 20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {props.children}
    </svg>
  )
}

type P = { size?: number }

export const SelectToolIcon = (p: P) => (
  <Svg {...p}>
    <path d="M5 3l14 8-6 2-3 6z" />
  </Svg>
)
export const PanToolIcon = (p: P) => (
  <Svg {...p}>
    <path d="M8 12V5.5a1.5 1.5 0 0 1 3 0V11M11 10V4.5a1.5 1.5 0 0 1 3 0V11M14 10.5V6a1.5 1.5 0 0 1 3 0v7a7 7 0 0 1-7 7h-.5a6 6 0 0 1-4.6-2.2L3 15.3a1.5 1.5 0 0 1 2.3-1.9L8 16" />
  </Svg>
)
/** A person on a card: who takes part. */
export const ActorToolIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="12" cy="8" r="3.5" />
    <path d="M5 20a7 7 0 0 1 14 0" />
  </Svg>
)
/** A block with a roof line: what the site holds. */
export const UseToolIcon = (p: P) => (
  <Svg {...p}>
    <rect x="4" y="9" width="16" height="11" rx="1.5" />
    <path d="M4 9l8-5 8 5M10 20v-5h4v5" />
  </Svg>
)
export const LinkToolIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="5.5" cy="17.5" r="2.5" />
    <circle cx="18.5" cy="6.5" r="2.5" />
    <path d="M7.5 15.5l8.5-7.5M12.5 7.5l3.5.5-.5 3.5" />
  </Svg>
)
/** A bar on a month axis. */
export const PhaseToolIcon = (p: P) => (
  <Svg {...p}>
    <path d="M3 19h18M6 19v-2M10 19v-2M14 19v-2M18 19v-2" />
    <rect x="5" y="6" width="12" height="6" rx="1.5" />
  </Svg>
)
export const NoteToolIcon = (p: P) => (
  <Svg {...p}>
    <path d="M4 4h16v11l-5 5H4z" />
    <path d="M15 20v-5h5M8 9h8M8 12.5h5" />
  </Svg>
)
/** A dashed area: a zone of the site plan. */
export const ZoneToolIcon = (p: P) => (
  <Svg {...p}>
    <path d="M4 8V4h4M16 4h4v4M20 16v4h-4M8 20H4v-4M11 4h2M11 20h2M4 11v2M20 11v2" />
  </Svg>
)
export const FrameToolIcon = (p: P) => (
  <Svg {...p}>
    <path d="M7 3v18M17 3v18M3 7h18M3 17h18" />
  </Svg>
)
export const ImageToolIcon = (p: P) => (
  <Svg {...p}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="10" r="2" />
    <path d="M21 16l-5-5-9 9" />
  </Svg>
)
export const UndoIcon = (p: P) => (
  <Svg {...p}>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </Svg>
)
export const RedoIcon = (p: P) => (
  <Svg {...p}>
    <path d="M15 14l5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </Svg>
)
export const ZoomInIcon = (p: P) => (
  <Svg {...p}>
    <path d="M12 5v14M5 12h14" />
  </Svg>
)
export const ZoomOutIcon = (p: P) => (
  <Svg {...p}>
    <path d="M5 12h14" />
  </Svg>
)
export const FitIcon = (p: P) => (
  <Svg {...p}>
    <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
    <rect x="8" y="8" width="8" height="8" rx="1" />
  </Svg>
)
export const EyeIcon = (p: P) => (
  <Svg {...p}>
    <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </Svg>
)
export const LockIcon = (p: P) => (
  <Svg {...p}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </Svg>
)
export const ChevronRightIcon = (p: P) => (
  <Svg {...p}>
    <path d="M9 6l6 6-6 6" />
  </Svg>
)
export const ChevronLeftIcon = (p: P) => (
  <Svg {...p}>
    <path d="M15 6l-6 6 6 6" />
  </Svg>
)
export const TrashIcon = (p: P) => (
  <Svg {...p}>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </Svg>
)
export const FrontIcon = (p: P) => (
  <Svg {...p}>
    <rect x="8" y="8" width="12" height="12" rx="1.5" />
    <path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3" stroke-dasharray="2 2" />
  </Svg>
)
export const BackIcon = (p: P) => (
  <Svg {...p}>
    <rect x="4" y="4" width="12" height="12" rx="1.5" />
    <path d="M16 10h3a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-8a1 1 0 0 1-1-1v-3" stroke-dasharray="2 2" />
  </Svg>
)
export const TargetIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="7" />
    <path d="M12 2v4M12 18v4M2 12h4M18 12h4" />
  </Svg>
)

/* The side panel's tabs: each name under its icon, so that five tabs fit the panel in every language. */

/** Two sliders: the selected element's properties. */
export const InspectTabIcon = (p: P) => (
  <Svg {...p}>
    <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
    <circle cx="15" cy="7" r="2" />
    <circle cx="9" cy="17" r="2" />
  </Svg>
)
/** A bulleted list: the outline. */
export const OutlineTabIcon = (p: P) => (
  <Svg {...p}>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <path d="M4.5 6h.01M4.5 12h.01M4.5 18h.01" stroke-width="2.8" />
  </Svg>
)
/** Bars on a base line: the analysis. */
export const AnalysisTabIcon = (p: P) => (
  <Svg {...p}>
    <path d="M4 20h16M7 16v-5M12 16V5M17 16v-8" />
  </Svg>
)
/** A speech bubble: comments. */
export const CommentsTabIcon = (p: P) => (
  <Svg {...p}>
    <path d="M5 4.5h14a1.5 1.5 0 0 1 1.5 1.5v9a1.5 1.5 0 0 1-1.5 1.5h-7L7.5 20v-3.5H5A1.5 1.5 0 0 1 3.5 15V6A1.5 1.5 0 0 1 5 4.5z" />
  </Svg>
)
/** A camera: snapshots. */
export const SnapshotsTabIcon = (p: P) => (
  <Svg {...p}>
    <path d="M3.5 8.5A1.5 1.5 0 0 1 5 7h2.5l1.5-2.5h6L16.5 7H19a1.5 1.5 0 0 1 1.5 1.5v9A1.5 1.5 0 0 1 19 19H5a1.5 1.5 0 0 1-1.5-1.5z" />
    <circle cx="12" cy="13" r="3.5" />
  </Svg>
)

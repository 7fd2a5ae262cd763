import type { Message } from './types.ts'

/**
 * English strings of the private brainstorm (issue 13, item 7): the participants' private notes
 * over the canvas and their banner, the facilitator's start and reveal controls; spread into the
 * catalog by en.ts.
 */
export const enPrivate = {
  // Everyone
  'private.banner': {
    one: 'Private brainstorm: your notes are visible only to you until the facilitator reveals them ({count} note)',
    other: 'Private brainstorm: your notes are visible only to you until the facilitator reveals them ({count} notes)',
  },
  'private.banner.facilitator': 'Private brainstorm: participants’ new notes stay hidden until you reveal them.',
  'private.banner.readAlong': {
    one: 'Private brainstorm: you can read along ({count} note so far). Nobody else sees them until you reveal them.',
    other: 'Private brainstorm: you can read along ({count} notes so far). Nobody else sees them until you reveal them.',
  },
  'private.banner.others': 'Private brainstorm: participants write notes only they can see until the facilitator reveals them.',
  'private.onlyYou': 'Only you',
  'private.hidden': 'Private',
  'private.by': '— {name}',
  'private.note': 'Private note: {text}',
  'private.note.empty': 'Empty private note',
  'private.note.hint': 'Double-click or Enter to write, drag to move, Delete to remove.',
  'private.menu': 'Private note',
  'private.edit': 'Edit text',
  'private.delete': 'Delete',
  'private.error.ended': 'The private brainstorm has ended, so this note was not saved.',
  'private.error.save': 'Your private note could not be saved: {message}',
  // Facilitator
  'private.controls': 'Private brainstorm',
  'private.start': 'Start private brainstorm',
  'private.startHint': 'Participants’ new notes are visible only to their authors until you reveal them.',
  'private.readAlong': 'I can read along',
  'private.reveal': 'Reveal notes',
  'private.anonymous': 'Without names',
  'private.revealed': 'The private notes are on the board now.',
} as const satisfies Record<string, Message>

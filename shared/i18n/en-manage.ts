import type { Message } from './types.ts'

/**
 * English strings of managing boards: the board's settings dialog (title, site, template,
 * copy, delete) and importing a board file on the home screen; spread into the catalog by en.ts.
 */
export const enManage = {
  'manage.open': 'Board settings',
  'manage.title': 'Board settings',
  'manage.profile': 'Title and site',
  'manage.save': 'Save changes',
  'manage.saving': 'Saving…',
  'manage.saved': 'Saved.',
  'manage.template.legend': 'Add a template',
  'manage.template.hint': 'Its frames and cards are placed to the right of what is on the board; nothing there changes.',
  'manage.template.choose': 'Template',
  'manage.template.add': 'Add to board',
  'manage.template.adding': 'Adding…',
  'manage.template.added': { one: 'Added {count} element.', other: 'Added {count} elements.' },
  'manage.copy.legend': 'Copy',
  'manage.copy.hint': 'A new board with everything on this one, which you own.',
  'manage.copy': 'Duplicate board',
  'manage.copying': 'Duplicating…',
  'manage.delete.legend': 'Delete',
  'manage.delete.hint': 'Deletes the board, its snapshots and invite links for everyone.',
  'manage.delete': 'Delete board…',
  'manage.delete.confirm': 'Delete “{title}” for everyone? This cannot be undone.',
  'manage.delete.yes': 'Delete “{title}”',
  'manage.delete.no': 'Keep it',
  'manage.deleting': 'Deleting…',
  'manage.languages.legend': 'Working languages',
  'manage.languages.hint':
    'The languages this board is worked in, such as Slovenian and Italian in Piran. Every name gets a translation field for each of them.',
  'manage.languages.showBoth': 'Cards show the name in a second working language too',
  'boards.import': 'Import a board file',
  'boards.importing': 'Importing…',
  'boards.importHint': 'or drop a .refresh-board.json file here',
  'boards.importDrop': 'Drop the board file to import it',
  'boards.importNotJson': '“{file}” is not a board file: it is not JSON.',
  'boards.importInvalid': '“{file}” is not a valid board file: {detail}',
  'boards.importFailed': '“{file}” could not be imported: {detail}',
  'boards.template': 'Template: {name}',
  'boards.thumbnail': 'Overview of {title}',
} as const satisfies Record<string, Message>

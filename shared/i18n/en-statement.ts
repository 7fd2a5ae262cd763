import type { Message } from './types.ts'

/**
 * English strings of the accessibility statement (issue 15, item 6), in the structure of the
 * EU model statement (Commission Implementing Decision (EU) 2018/1523); spread into the catalog
 * by en.ts.
 */
export const enStatement = {
  'statement.link': 'Accessibility',
  'statement.title': 'Accessibility statement',
  'statement.intro':
    'The operator of this installation is committed to making Refresh Board accessible in accordance with Directive (EU) 2016/2102. This statement applies to the Refresh Board web application.',
  'statement.status.heading': 'Compliance status',
  'statement.status.body':
    'This application is partially compliant with EN 301 549 V3.2.1 and WCAG 2.1 level AA, due to the non-compliances listed below.',
  'statement.gaps.heading': 'Non-accessible content',
  'statement.gap.canvas':
    'The board canvas is drawn as a picture. Screen readers reach its elements through a hidden list in reading order that follows the keyboard focus, and through the Outline tab; where an element lies on the canvas is conveyed only as the frame and zone it belongs to.',
  'statement.gap.presence':
    'Other people’s cursors, laser pointer and reactions are shown only visually. Alternative: changes made by others are announced to screen readers (this can be switched off in the keyboard shortcuts sheet).',
  'statement.gap.exports':
    'The PNG and SVG exports are pictures of the board without a text alternative. Alternative: the Markdown brief, the tagged PDF brief and the JSON export hold the same content.',
  'statement.gap.images': 'Pictures uploaded to a board have a text alternative only where a participant has written one.',
  'statement.preparation.heading': 'Preparation of this statement',
  'statement.preparation.body':
    'This statement was prepared on 3 December 2026. Method: self-assessment, with automated axe-core checks in the test suite, measured colour contrast, and browser tests that use the board with the keyboard alone.',
  'statement.feedback.heading': 'Feedback and contact',
  'statement.feedback.body': 'If you notice a barrier or need content in an accessible format, please contact us:',
  'statement.feedback.none':
    'The operator of this installation has not yet provided a contact. Please ask the person who invited you.',
  'statement.enforcement.heading': 'Enforcement procedure',
  'statement.enforcement.body':
    'If you are not satisfied with the response to your feedback, you can contact the national enforcement body.',
  'statement.enforcement.link': 'National enforcement body',
} as const satisfies Record<string, Message>

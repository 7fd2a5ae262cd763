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
    'The board canvas is drawn as an image. Alternative: all of its content can be reached through the Outline tab and by walking the elements with the keyboard.',
  'statement.gap.outline':
    'The outline is a flat list, not a tree: the nesting of elements inside frames is not conveyed. Alternative: each entry can be opened and edited from the list.',
  'statement.gap.pdf':
    'The PDF brief is not yet tagged for assistive technologies. Alternative: the JSON export and the board outline contain the same content.',
  'statement.gap.contrast': 'A review of colours and contrast, in particular on the canvas, is still pending.',
  'statement.preparation.heading': 'Preparation of this statement',
  'statement.preparation.body':
    'This statement was prepared on 3 December 2026. Method: self-assessment, with automated axe-core checks in the test suite and manual keyboard tests.',
  'statement.feedback.heading': 'Feedback and contact',
  'statement.feedback.body': 'If you notice a barrier or need content in an accessible format, please contact us:',
  'statement.feedback.none':
    'The operator of this installation has not yet provided a contact. Please ask the person who invited you.',
  'statement.enforcement.heading': 'Enforcement procedure',
  'statement.enforcement.body':
    'If you are not satisfied with the response to your feedback, you can contact the national enforcement body.',
  'statement.enforcement.link': 'National enforcement body',
} as const satisfies Record<string, Message>

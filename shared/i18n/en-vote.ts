import type { Message } from './types.ts'

/**
 * English strings of dot voting (issue 13): the facilitator's "Start a vote" dialog and
 * controls, the participants' strip and dots on the canvas, the results; spread into the
 * catalog by en.ts.
 */
export const enVote = {
  // Facilitator
  'vote.start': 'Start a vote',
  'vote.dialog.title': 'Start a dot vote',
  'vote.dialog.intro': 'Everyone places their dots on the canvas. Nobody sees anyone else’s dots until you close the vote.',
  'vote.scope': 'Vote on',
  'vote.scope.selection': {
    one: 'The selected element',
    other: 'The {count} selected elements',
  },
  'vote.scope.noSelection': 'The selected elements (select some on the canvas first)',
  'vote.scope.kind': 'Every element of one kind',
  'vote.kind': 'Kind',
  'vote.question': 'Question',
  'vote.questionHint': 'For example: Which uses should come first?',
  'vote.dotsPerPerson': 'Dots per person',
  'vote.maxPerElement': 'At most per element',
  'vote.anonymous': 'Anonymous: the results show totals only, not who gave which dots',
  'vote.open': 'Start the vote',
  'vote.close': 'Close vote',
  'vote.cancel': 'Cancel vote',
  'vote.cancelled': 'The vote was cancelled; no dots were counted.',
  'vote.error.conflict': 'A vote is already open. Close it first.',
  'vote.error.invalid': 'The vote could not be started: {reason}',
  'vote.error.failed': 'That did not work. Try again.',
  'vote.error.range': 'Enter a whole number from 1 to 100.',
  'vote.error.noElements': 'Select at least one element, or choose a kind.',

  // Participants
  'vote.strip': 'Dot vote',
  'vote.untitled': 'Dot vote',
  'vote.left': { one: '{count} of {total} dots left', other: '{count} of {total} dots left' },
  'vote.voters': { one: '{count} person has voted', other: '{count} people have voted' },
  'vote.howTo': 'Click + to give a dot, one of your dots to take it back.',
  'vote.howToKeys': 'Keys: . and , on the selected element.',
  'vote.viewOnly': 'Your role does not vote; the results show when the vote closes.',
  'vote.limit.total': { one: 'You have used your {count} dot.', other: 'You have used all {count} of your dots.' },
  'vote.limit.element': { one: 'At most {count} dot per element.', other: 'At most {count} dots per element.' },
  'vote.notInVote': 'This element is not part of the vote.',
  'vote.noneHere': 'You have no dot on this element.',
  'vote.closedMeanwhile': 'The vote has just been closed.',
  'vote.sendFailed': 'Your dot could not be saved. Try again.',
  'vote.list': 'As a list',
  'vote.list.add': 'Give “{name}” a dot',
  'vote.list.remove': 'Take a dot back from “{name}”',
  'vote.key.add': 'Give the selected element a dot',
  'vote.key.remove': 'Take a dot back from the selected element',

  // Results
  'vote.results': 'Results',
  'vote.results.show': 'Show results',
  'vote.results.title': 'Vote results',
  'vote.results.of': 'Results: {title}',
  'vote.results.summary': { one: '{count} person voted.', other: '{count} people voted.' },
  'vote.results.anonymous': 'Anonymous vote: totals only.',
  'vote.results.rank': '{rank}.',
  'vote.results.by': 'Dots from {names}',
  'vote.results.voter': '{name} ({count})',
  'vote.results.earlier': 'Earlier votes',
  'vote.results.closedAt': 'Closed {time}',
  'vote.results.none': 'No votes have been closed on this board yet.',
  'vote.dots': { one: '{count} dot', other: '{count} dots' },
  'vote.badge': { one: '#{rank} · {count} dot', other: '#{rank} · {count} dots' },
  'vote.missing': 'Removed element',
} as const satisfies Record<string, Message>

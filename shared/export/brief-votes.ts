import type { Vote } from '../facilitation/state.ts'
import type { BoardDocument } from '../schema/document.ts'
import { type BriefIndex, nameOf } from './brief-rows.ts'

/** One closed vote as the briefs write it: its heading, a summary line, the ranking's lines. */
export interface BriefVote {
  heading: string
  summary: string
  /** "1. Café — 3 dots (from Ana 1, Bohumil 2)", most dots first; ties share a place */
  lines: string[]
  /** "No dots: 4 other elements.", or null when every element got a dot */
  withoutDots: string | null
}

/** A closed vote's results, most dots first, each with its place (ties share one: 1, 1, 3). */
export const rankedResults = (vote: Vote) => {
  const results = [...(vote.results ?? [])].sort((a, b) => b.dots - a.dots)
  let rank = 0
  let previous = Number.NaN
  return results.map((result, index) => {
    if (result.dots !== previous) rank = index + 1
    previous = result.dots
    return { ...result, rank }
  })
}

/**
 * The closed dot votes of a board (its `votes`, oldest first) for both briefs (markdown.ts,
 * server/export/render/render-pdf.ts): the ranking with the elements' names, not their ids, and
 * who gave the dots unless the vote was anonymous. An open vote is never in a document, so
 * never here: its ballots stay on the server until it closes. Numbers and dates in the brief's
 * locale.
 */
export function briefVotes(document: BoardDocument, index: BriefIndex): BriefVote[] {
  const { number, date } = index.numbers
  const { say } = index.words
  return (document.votes ?? [])
    .filter((vote) => !vote.open && vote.results)
    .map((vote) => {
      const all = rankedResults(vote)
      const voted = all.filter((result) => result.dots > 0)
      const lines = voted.map((result) => {
        const element = index.byId.get(result.elementId)
        const name = element ? nameOf(element, say('untitled')) : say('missingRef', { id: result.elementId })
        const line = say('voteLine', {
          rank: number(result.rank, 0),
          name,
          dots: say('voteDots', { count: result.dots, n: number(result.dots, 0) }),
        })
        const voters = vote.anonymous ? [] : (result.voters ?? [])
        if (voters.length === 0) return line
        const names = voters.map((voter) => say('voteVoter', { name: voter.name, count: number(voter.dots, 0) })).join(', ')
        return say('voteVoters', { line, names })
      })
      const closed = vote.closedAt === undefined ? say('none') : date(new Date(vote.closedAt).toISOString())
      const summary = [
        // `count` picks the plural form, `people` writes it in the brief's locale
        say('voteSummary', {
          count: vote.voters,
          people: number(vote.voters, 0),
          dots: number(vote.dotsPerPerson, 0),
          max: number(vote.maxPerElement, 0),
          date: closed,
        }),
        vote.anonymous ? say('voteAnonymous') : '',
      ]
        .filter(Boolean)
        .join(' ')
      const rest = all.length - voted.length
      return {
        heading: say('vote', { title: vote.title?.trim() || say('untitledVote') }),
        summary,
        lines,
        withoutDots: rest > 0 ? say('voteWithoutDots', { count: rest, n: number(rest, 0) }) : null,
      }
    })
}

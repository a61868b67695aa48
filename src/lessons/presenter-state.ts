// The presenter's position in a lesson, as a pure reducer (tested without a DOM).
//
// A lesson is walked as a flat list of positions: the intro card, then for each
// step either [shown] or, for a `[predict]` step, [question, shown] (the pause
// before the reveal), then the end card. `stepsRun(state)` says how many steps'
// code must have run for the current position; the view makes the session match
// it (running forward, or resetting and replaying to go back), so the workspace
// and the 3D views always show the state right after the current step.

export type Position =
  | { kind: 'intro' }
  | { kind: 'question'; step: number }
  | { kind: 'shown'; step: number }
  | { kind: 'end' }

export interface PresenterState {
  positions: Position[]
  at: number
}

export type PresenterAction = { type: 'next' } | { type: 'back' } | { type: 'restart' }

export function positionsOf(steps: { predict: string | null }[]): Position[] {
  const out: Position[] = [{ kind: 'intro' }]
  steps.forEach((s, step) => {
    if (s.predict !== null) out.push({ kind: 'question', step })
    out.push({ kind: 'shown', step })
  })
  out.push({ kind: 'end' })
  return out
}

export function initialPresenterState(steps: { predict: string | null }[]): PresenterState {
  return { positions: positionsOf(steps), at: 0 }
}

export function presenterReducer(s: PresenterState, a: PresenterAction): PresenterState {
  switch (a.type) {
    case 'next':
      return s.at < s.positions.length - 1 ? { ...s, at: s.at + 1 } : s
    case 'back':
      return s.at > 0 ? { ...s, at: s.at - 1 } : s
    case 'restart':
      return s.at === 0 ? s : { ...s, at: 0 }
  }
}

export function currentPosition(s: PresenterState): Position {
  return s.positions[s.at]
}

/** Steps whose code has run at this position: a question has not run its own step yet. */
export function stepsRun(s: PresenterState): number {
  let n = 0
  for (let i = 0; i <= s.at; i++) if (s.positions[i].kind === 'shown') n++
  return n
}

/** The step a position shows (null on the intro and end cards). */
export function stepOf(p: Position): number | null {
  return p.kind === 'question' || p.kind === 'shown' ? p.step : null
}

/**
 * How to bring a session that has run `ran` steps to `want` steps. Code cannot
 * be un-run, so going back resets the session and replays from the first step.
 */
export function syncPlan(ran: number, want: number): { reset: boolean; run: number[] } {
  const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k)
  return want >= ran ? { reset: false, run: range(ran, want) } : { reset: true, run: range(0, want) }
}

/** Keys the presenter answers: → and Space next, ← back, R restart, Esc exit. */
export function presenterKey(key: string): PresenterAction['type'] | 'exit' | null {
  switch (key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return 'next'
    case 'ArrowLeft':
    case 'PageUp':
      return 'back'
    case 'r':
    case 'R':
      return 'restart'
    case 'Escape':
      return 'exit'
    default:
      return null
  }
}

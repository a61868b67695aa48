import { describe, expect, it } from 'vitest'
import {
  currentPosition, initialPresenterState, positionsOf, presenterKey, presenterReducer, stepsRun, syncPlan,
  type PresenterAction, type PresenterState
} from '../../src/lessons/presenter-state'

// Three steps; the second is a quiz step.
const steps = [{ predict: null }, { predict: 'What prints?' }, { predict: null }]
const walk = (s: PresenterState, ...types: PresenterAction['type'][]): PresenterState =>
  types.reduce((st, type) => presenterReducer(st, { type }), s)

describe('presenter state', () => {
  it('walks intro, each step, a question before a predict step, then the end', () => {
    expect(positionsOf(steps)).toEqual([
      { kind: 'intro' },
      { kind: 'shown', step: 0 },
      { kind: 'question', step: 1 },
      { kind: 'shown', step: 1 },
      { kind: 'shown', step: 2 },
      { kind: 'end' }
    ])
  })

  it('runs nothing on the intro and holds a predict step back until the reveal', () => {
    let s = initialPresenterState(steps)
    expect(currentPosition(s)).toEqual({ kind: 'intro' })
    expect(stepsRun(s)).toBe(0)
    s = walk(s, 'next')
    expect(currentPosition(s)).toEqual({ kind: 'shown', step: 0 })
    expect(stepsRun(s)).toBe(1)
    s = walk(s, 'next')
    // The question: step 1's code has not run yet, so its output cannot be seen.
    expect(currentPosition(s)).toEqual({ kind: 'question', step: 1 })
    expect(stepsRun(s)).toBe(1)
    s = walk(s, 'next')
    expect(currentPosition(s)).toEqual({ kind: 'shown', step: 1 })
    expect(stepsRun(s)).toBe(2)
  })

  it('stops at both ends', () => {
    const start = initialPresenterState(steps)
    expect(walk(start, 'back')).toBe(start)
    const end = walk(start, 'next', 'next', 'next', 'next', 'next')
    expect(currentPosition(end)).toEqual({ kind: 'end' })
    expect(stepsRun(end)).toBe(3)
    expect(walk(end, 'next')).toBe(end)
  })

  it('goes back one position (a revealed quiz step returns to its question) and restarts', () => {
    const s = walk(initialPresenterState(steps), 'next', 'next', 'next')
    const back = walk(s, 'back')
    expect(currentPosition(back)).toEqual({ kind: 'question', step: 1 })
    expect(stepsRun(back)).toBe(1)
    const restarted = walk(s, 'restart')
    expect(currentPosition(restarted)).toEqual({ kind: 'intro' })
    expect(stepsRun(restarted)).toBe(0)
  })

  it('plans forward runs, and a reset plus replay to go back', () => {
    expect(syncPlan(0, 2)).toEqual({ reset: false, run: [0, 1] })
    expect(syncPlan(2, 3)).toEqual({ reset: false, run: [2] })
    expect(syncPlan(3, 3)).toEqual({ reset: false, run: [] })
    expect(syncPlan(3, 1)).toEqual({ reset: true, run: [0] })
    expect(syncPlan(3, 0)).toEqual({ reset: true, run: [] })
  })

  it('maps keys: arrows and Space, R, Esc', () => {
    expect(presenterKey('ArrowRight')).toBe('next')
    expect(presenterKey(' ')).toBe('next')
    expect(presenterKey('ArrowLeft')).toBe('back')
    expect(presenterKey('r')).toBe('restart')
    expect(presenterKey('R')).toBe('restart')
    expect(presenterKey('Escape')).toBe('exit')
    expect(presenterKey('x')).toBeNull()
  })
})

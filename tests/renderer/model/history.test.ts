import { describe, expect, it } from 'vitest'
import { emptyHistory, newer, older, push } from '../../../src/renderer/src/model/history'
import { emptyCameraHistory, record, redo, undo, type CameraPose } from '../../../src/renderer/src/model/cameraHistory'

describe('console history', () => {
  it('walks back and forth and gives the draft back', () => {
    let h = push(push(emptyHistory, 'a = 1'), 'b = 2')
    let r = older(h, 'dra')
    expect(r.text).toBe('b = 2')
    r = older(r.history, r.text)
    expect(r.text).toBe('a = 1')
    r = older(r.history, r.text) // at the oldest: stays
    expect(r.text).toBe('a = 1')
    r = newer(r.history, r.text)
    expect(r.text).toBe('b = 2')
    r = newer(r.history, r.text)
    expect(r.text).toBe('dra')
    h = r.history
    expect(newer(h, 'dra').text).toBe('dra')
  })
  it('skips empty lines and immediate repeats', () => {
    const h = push(push(push(emptyHistory, 'x'), 'x'), '   ')
    expect(h.entries).toEqual(['x'])
  })
})

describe('camera undo', () => {
  const pose = (z: number): CameraPose => ({ position: [0, 0, z], target: [0, 0, 0], zoom: 1 })
  it('undoes and redoes orbit changes, ignoring ones that moved nothing', () => {
    let h = record(emptyCameraHistory, pose(10), pose(20))
    h = record(h, pose(20), pose(20))
    h = record(h, pose(20), pose(30))
    let u = undo(h, pose(30))
    expect(u.pose).toEqual(pose(20))
    u = undo(u.history, pose(20))
    expect(u.pose).toEqual(pose(10))
    expect(undo(u.history, pose(10)).pose).toBeNull()
    const r = redo(u.history, pose(10))
    expect(r.pose).toEqual(pose(20))
    // A new change clears the redo stack.
    expect(record(r.history, pose(20), pose(50)).future).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { initialState, reduce, selectedObject, shownObject } from '../../../src/renderer/src/state/appState'
import type { ObjectEntry, Workspace } from '../../../src/renderer/src/model/types'

function ws(revision: number, names: string[][]): Workspace {
  const objects = names.map((n, i) => ({ names: n, info: { id: i + 1 } }) as unknown as ObjectEntry)
  return { revision, objects, storages: [], memoryBlocks: [], ops: [], opsTotal: 0, history: [], devices: [], simulateCuda: false }
}

describe('app state', () => {
  it('a pinned object is shown by the pinned views until it is unpinned or deleted', () => {
    let s = reduce(initialState, { type: 'workspace', workspace: ws(1, [['a'], ['b']]) })
    s = reduce(s, { type: 'select', id: 1 })
    s = reduce(s, { type: 'pin', id: 1 })
    s = reduce(s, { type: 'select', id: 2 })
    expect(shownObject(s, true)?.names).toEqual(['a'])
    expect(shownObject(s, false)?.names).toEqual(['b'])
    const gone = ws(2, [['a'], ['b']])
    gone.objects = gone.objects.filter((o) => o.info.id !== 1) // a deleted
    s = reduce(s, { type: 'workspace', workspace: gone })
    expect(s.pinnedId).toBeNull()
    expect(shownObject(s, true)).toBeNull()
  })

  it('a snapshot whose ops wrote in place flashes them; a forced snapshot (history replayed, reset) does not', () => {
    const wrote = { device: 'cpu', dataPtr: '4096', shape: [], byteStrides: [], itemsize: 4 }
    const op = (seq: number) => ({ seq, historySeq: 0, line: 'a[0] = 1', lineNo: 1, op: 'setitem', copied: false, bytes: 4, kernel: 'fill', seconds: 0, time: 0, wrote })
    let s = reduce(initialState, { type: 'workspace', workspace: ws(1, [['a']]) })
    s = reduce(s, { type: 'workspace', workspace: { ...ws(2, [['a']]), ops: [op(0)], opsTotal: 1 } })
    expect(s.flash).toEqual({ writes: [wrote], revision: 2 })
    s = reduce(s, { type: 'workspace', workspace: { ...ws(3, [['a']]), ops: [op(0), op(1), op(2)], opsTotal: 3 }, force: true })
    expect(s.flash?.revision).toBe(2)
  })

  it('a run that binds a name selects the object it made', () => {
    let s = reduce(initialState, { type: 'workspace', workspace: ws(1, [['a']]) })
    s = reduce(s, { type: 'runStarted', seq: 1, code: 'b = a.T' })
    expect(s.busy).toBe(1)
    expect(s.transcript[0].pending).toBe(true)
    s = reduce(s, { type: 'runFinished', seq: 1, stdout: '', stderr: '', error: null, workspace: ws(2, [['a'], ['b']]), madeIds: [2] })
    expect(s.busy).toBe(0)
    expect(selectedObject(s)?.names).toEqual(['b'])
    expect(s.transcript[0].pending).toBe(false)
  })

  it('the selection follows the run\'s results (its op records), not the text of the line', () => {
    let s = reduce(initialState, { type: 'workspace', workspace: ws(1, [['a']]) })
    s = reduce(s, { type: 'select', id: 1 })
    // a block whose last line binds nothing; its ops made 2 (bound to b) then 3 (a temporary, gone)
    s = reduce(s, { type: 'runStarted', seq: 1, code: 'for i in range(2):\n    b = a + i\nprint(b.sum())' })
    s = reduce(s, { type: 'runFinished', seq: 1, stdout: '', stderr: '', error: null, workspace: ws(2, [['a'], ['b']]), madeIds: [2, 3] })
    expect(selectedObject(s)?.names).toEqual(['b'])
    // a line that looks like an assignment but made nothing new keeps the selection
    s = reduce(s, { type: 'select', id: 1 })
    s = reduce(s, { type: 'runStarted', seq: 2, code: 'b = b' })
    s = reduce(s, { type: 'runFinished', seq: 2, stdout: '', stderr: '', error: null, workspace: ws(3, [['a'], ['b']]), madeIds: [] })
    expect(s.selectedId).toBe(1)
  })

  it('a failed run keeps the selection and records the error', () => {
    let s = reduce(initialState, { type: 'workspace', workspace: ws(1, [['a'], ['t']]) })
    s = reduce(s, { type: 'select', id: 1 })
    s = reduce(s, { type: 'runStarted', seq: 1, code: 'n = t.numpy()' })
    const error = { type: 'TypeError', message: "can't convert cuda:0 device type tensor to numpy." }
    s = reduce(s, { type: 'runFinished', seq: 1, stdout: '', stderr: '', error, workspace: ws(2, [['a'], ['t']]) })
    expect(s.selectedId).toBe(1)
    expect(s.transcript[0].error).toEqual(error)
  })

  it('drops stale snapshots unless forced (reset), and drops selection and hover of objects that died', () => {
    let s = reduce(initialState, { type: 'workspace', workspace: ws(5, [['a'], ['b']]) })
    s = reduce(s, { type: 'select', id: 2 })
    s = reduce(s, { type: 'hover', hover: { objectId: 2, index: [0] } })
    expect(reduce(s, { type: 'workspace', workspace: ws(4, []) })).toBe(s)
    const after = reduce(s, { type: 'workspace', workspace: ws(0, [['a']]), force: true })
    expect(after.selectedId).toBe(1)
    expect(after.hover).toBeNull()
  })

  it('the same revision twice (a run reply and its workspace event) is applied once', () => {
    const s = reduce(initialState, { type: 'workspace', workspace: ws(3, [['a']]) })
    expect(reduce(s, { type: 'workspace', workspace: ws(3, [['a']]) })).toBe(s)
  })

  it('an equal hover does not change the state (no re-render per mouse move)', () => {
    const s = reduce(initialState, { type: 'hover', hover: { objectId: 1, index: [1, 2] } })
    expect(reduce(s, { type: 'hover', hover: { objectId: 1, index: [1, 2] } })).toBe(s)
  })
})

// The session's store of attached objects: validation (never a half object),
// grouping by buffer, updates in place, and reading the sent value window.
import { describe, expect, it } from 'vitest'
import { AttachedObjects, attachedObjectProblem } from '../../src/session/attached'
import type { AttachedObject, AttachMessage } from '../../src/shared/attach-protocol'
import { attachMessage } from '../../src/shared/attach-protocol'

function f64(values: number[]): string {
  return Buffer.from(new Float64Array(values).buffer).toString('base64')
}

function obj(over: Partial<AttachedObject> = {}): AttachedObject {
  // a 3x4 float64 C array at 0x1000 with all its values
  return {
    name: 'a', kind: 'ndarray', dtype: 'float64', dtypeText: 'float64', itemsize: 8,
    shape: [3, 4], byteStrides: [32, 8], byteOffset: 0, dataPtr: String(0x1000),
    buffer: { ptr: String(0x1000), nbytes: 96, kind: 'ndarray' }, device: 'cpu',
    flags: { cContiguous: true, fContiguous: false, writeable: true, ownsData: true, aligned: true },
    requiresGrad: false,
    window: { shape: [3, 4], complex: false, f64: f64([...Array(12).keys()]) },
    ...over
  }
}

function message(objects: AttachedObject[], pid = 4242): AttachMessage {
  return { version: 1, process: { pid, program: 'train.py' }, objects, ops: [] }
}

describe('attached objects', () => {
  it('validates against the protocol schema', () => {
    expect(attachMessage.check(message([obj()]), 'm')).toBeNull()
    expect(attachMessage.check({ ...message([obj()]), version: 2 }, 'm')).not.toBeNull()
    expect(attachMessage.check(message([{ ...obj(), dataPtr: '-5' }]), 'm')).not.toBeNull()
  })

  it('refuses objects that reach outside their buffer, and changes nothing then', () => {
    const store = new AttachedObjects()
    store.apply(message([obj()]))
    const bad = obj({ name: 'b', shape: [4, 4] }) // 128 bytes in a 96-byte buffer
    expect(attachedObjectProblem(bad)).toMatch(/outside its 96-byte buffer/)
    expect(() => store.apply(message([obj({ name: 'c' }), bad]))).toThrow(/outside its 96-byte buffer/)
    expect(store.entries().objects.map((o) => o.names[0])).toEqual(['a'])
    expect(attachedObjectProblem(obj({ dataPtr: String(0x1008) }))).toMatch(/data pointer/)
    expect(attachedObjectProblem(obj({ window: { shape: [3, 4], complex: false, f64: f64([1, 2]) } }))).toMatch(/12 base64 float64/)
  })

  it('groups views of one buffer into one storage, per process', () => {
    const store = new AttachedObjects()
    const t = obj({ name: 'aT', shape: [4, 3], byteStrides: [8, 32], flags: { ...obj().flags, cContiguous: false, fContiguous: true }, window: null })
    store.apply(message([obj(), t]))
    store.apply(message([obj()], 999)) // the same address in another process is other memory
    const { objects, storages } = store.entries()
    expect(objects).toHaveLength(3)
    const [a, aT, other] = objects
    expect(a.info.storage.id).toBe(aT.info.storage.id)
    expect(other.info.storage.id).not.toBe(a.info.storage.id)
    expect(storages.find((s) => s.info.id === a.info.storage.id)!.objectIds).toEqual([a.info.id, aT.info.id])
    expect(aT.info.strides).toEqual([1, 4])
    expect(aT.origin).toMatchObject({ pid: 4242, program: 'train.py', dtypeText: 'float64' })
  })

  it('updates a re-sent object in place (same id)', () => {
    const store = new AttachedObjects()
    store.apply(message([obj()]))
    const id = store.entries().objects[0].info.id
    store.apply(message([obj({ window: { shape: [3, 4], complex: false, f64: f64(Array(12).fill(7)) } })]))
    expect(store.entries().objects.map((o) => o.info.id)).toEqual([id])
    expect(Array.from(store.window(id, [1, 1], [1, 2]).values as Float64Array)).toEqual([7, 7])
  })

  it('reads sub-blocks of the sent window and refuses what was not sent', () => {
    const store = new AttachedObjects()
    store.apply(message([obj({ window: { shape: [2, 4], complex: false, f64: f64([0, 1, 2, 3, 4, 5, 6, 7]) } })]))
    const id = store.entries().objects[0].info.id
    expect(Array.from(store.window(id, [0, 1], [2, 2]).values as Float64Array)).toEqual([1, 2, 5, 6])
    expect(() => store.window(id, [2, 0], [1, 4])).toThrow(/only the leading \[2, 4\] block of a was sent/)
  })

  it('shows structured data by layout only', () => {
    const store = new AttachedObjects()
    store.apply(message([obj({ name: 's', dtype: null, dtypeText: "[('x', '<f4'), ('y', '<i4')]", shape: [12], byteStrides: [8], window: null })]))
    const s = store.entries().objects[0]
    expect(s.origin!.dtypeText).toBe("[('x', '<f4'), ('y', '<i4')]")
    expect(s.info.itemsize).toBe(8)
    expect(() => store.window(s.info.id, [0], [1])).toThrow(/its layout only/)
  })
})

// A checkpoint whose pickle nests 200,000 lists (one loop in the unpickler) once overflowed
// the stack in the tensor walk: `inspect` printed a JavaScript stack and the app answered
// `internal`. It is now Python's RecursionError, everywhere.
import { describe, expect, it, vi } from 'vitest'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as inspect from '../../src/cli/commands/inspect'
import { unexpectedErrorText } from '../../src/cli/main'
import { describeTorchBytes, MAX_NESTING } from '../../src/files/torch-pt'
import { FileFormatError } from '../../src/files/errors'
import { handleRequest } from '../../src/session/handlers'
import { createAppSession } from '../../src/session/app-session'
import { tmpDir } from './helpers/fixtures'
import { f32Bytes, torchSave, torchZip } from './helpers/torch-save'

/** A .pt whose data.pkl is `depth` nested empty lists (EMPTY_LIST × depth, APPEND × depth-1). */
function nestedLists(depth: number): Uint8Array {
  const pkl = new Uint8Array(2 + depth + (depth - 1) + 1)
  pkl.set([0x80, 2])
  pkl.fill(0x5d, 2, 2 + depth)
  pkl.fill(0x61, 2 + depth, 2 + 2 * depth - 1)
  pkl[pkl.length - 1] = 0x2e
  return torchZip(pkl, [])
}

const MESSAGE = `maximum recursion depth exceeded while walking the checkpoint's objects (nested more than ${MAX_NESTING} deep)`

describe('deeply nested checkpoints', () => {
  it('describe raises RecursionError, not a stack overflow', () => {
    let err: unknown
    try { describeTorchBytes(nestedLists(200_000)) } catch (e) { err = e }
    expect(err).toBeInstanceOf(FileFormatError)
    expect([(err as FileFormatError).pyType, (err as Error).message]).toEqual(['RecursionError', MESSAGE])
    // shallower nesting is walked (no tensors in it)
    expect(describeTorchBytes(nestedLists(MAX_NESTING)).description.entries).toEqual([])
  })

  it('a tensor inside nested containers keeps its path, in order', () => {
    const s = { key: '0', type: 'FloatStorage', numel: 2, bytes: f32Bytes([1, 2]) }
    const t = { tensor: { storage: '0', offset: 0, size: [2], stride: [1] } }
    const d = describeTorchBytes(torchSave({ dict: [['a', { list: [7, { list: [t] }] }], ['b', t], ['c', { list: [{ tensor: { storage: '0', offset: 1, size: [1], stride: [1] } }] }]] }, [s]))
    expect(d.description.entries.map((e) => e.name)).toEqual(['a.1.0', 'b', 'c.0'])
  })

  it('inspect prints the Python error, no stack', async () => {
    const p = path.join(tmpDir(), 'deep.pt')
    fs.writeFileSync(p, nestedLists(200_000))
    let err = ''
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true })
    const code = await inspect.main([p])
    vi.restoreAllMocks()
    expect(code).toBe(1)
    expect(err).toBe(`RecursionError: ${MESSAGE}\n`)
  })

  it('openFileBytes answers a Python error, not internal', async () => {
    const session = createAppSession()
    const reply = await handleRequest(session, 'openFileBytes', { name: 'deep.pt', base64: Buffer.from(nestedLists(200_000)).toString('base64') })
    expect(reply.ok).toBe(false)
    if (!reply.ok) {
      expect(reply.error.code).not.toBe('internal')
      expect(reply.error.message).toContain(MESSAGE)
    }
    session.dispose()
  })

  it('the command line never prints a JavaScript stack unless asked', () => {
    const overflow = new RangeError('Maximum call stack size exceeded')
    expect(unexpectedErrorText(overflow, false)).toBe('RecursionError: maximum recursion depth exceeded (STRIDESCOPE_DEBUG=1 shows where)')
    expect(unexpectedErrorText(new TypeError('x is undefined'), false)).toBe('internal error: TypeError: x is undefined (STRIDESCOPE_DEBUG=1 shows where)')
    expect(unexpectedErrorText(new TypeError('x'), true)).toMatch(/^internal error: TypeError: x\nTypeError: x\n\s+at /)
  })
})

// Python lists, tuples and strings live on the JS heap, which is bounded: a program that
// doubles a list forty times would kill the process (and, in the app, the session with the
// user's workspace) when V8 runs out. Growth past a size checks the heap first and raises
// MemoryError while there is still room to unwind, as CPython does when malloc fails.
import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { PyException, excClass } from './exceptions'
import { PyExcInstance } from './values'

/** MemoryError() as CPython raises it when an allocation fails: no arguments. */
export function memoryError(): PyException {
  return new PyException(new PyExcInstance(excClass('MemoryError'), []))
}

/** Below this many new elements a request is not checked (a heap query costs microseconds). */
export const CHECK_FROM = 1 << 16
/** The share of V8's heap limit a program may fill: the rest unwinds the error and runs the app. */
const HEAP_SHARE = 0.7
/** Bytes a list slot or a string character takes, at most (8-byte pointers, two-byte chars). */
export const SLOT_BYTES = 8
export const CHAR_BYTES = 2

// A full collection before refusing: garbage from earlier statements must not count.
let collect: (() => void) | null | undefined
function fullGc(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      collect = runInNewContext('gc') as () => void
    } catch {
      collect = null
    }
  }
  collect?.()
}

function over(bytes: number): boolean {
  const s = getHeapStatistics()
  return s.used_heap_size + bytes > s.heap_size_limit * HEAP_SHARE
}

/** Raises MemoryError when `count` more items of `itemBytes` each would not fit in the heap. */
export function reserveHeap(count: number, itemBytes: number = SLOT_BYTES): void {
  if (count < CHECK_FROM) return
  const bytes = count * itemBytes
  if (!over(bytes)) return
  fullGc()
  if (over(bytes)) throw memoryError()
}

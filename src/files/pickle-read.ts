// A restricted unpickler: the opcodes torch.load(weights_only=True) accepts (torch/
// _weights_only_unpickler.py, Unpickler.load) and nothing else. It never imports or
// calls anything: GLOBAL yields an allow-listed name (torch-globals.ts), REDUCE builds a
// plain record, BINPERSID asks the caller for a storage. Work is linear in the input:
// every opcode consumes at least one byte and no opcode copies a container.
import { fail } from './errors'
import { STOP_CHECK_ITEMS, checkStop } from './stop-check'
import { callGlobal, resolveGlobal } from './torch-globals'
import { PyBytes, PyDict, PyGlobal, PyList, PySet, PyTuple, TorchTensorRef, pyTypeName, type PyValue } from './pickle-values'

export interface UnpickleOptions {
  /** BINPERSID: the object a persistent id stands for (a storage, in torch files). */
  persistentLoad: (pid: PyValue) => PyValue
  /** Cap on the stack plus memo sizes, against memory blow-up from tiny inputs. */
  maxObjects?: number
}

const MARK = 0x28

function unpicklingError(msg: string): never {
  return fail('UnpicklingError', msg)
}

export function unpickle(data: Uint8Array, opts: UnpickleOptions): PyValue {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength)
  let pos = 0
  let stack: PyValue[] = []
  const metastack: PyValue[][] = []
  const memo = new Map<number, PyValue>()
  const maxObjects = opts.maxObjects ?? 10_000_000
  const utf8 = new TextDecoder('utf-8', { fatal: true })

  const need = (n: number): number => {
    if (pos + n > data.length) fail('EOFError', 'Ran out of input')
    const at = pos
    pos += n
    return at
  }
  const pop = (): PyValue => {
    if (stack.length === 0) unpicklingError('Failed to load pickle data (IndexError: pop from empty list); this usually means the input is corrupted or truncated')
    return stack.pop() as PyValue
  }
  const top = (): PyValue => {
    if (stack.length === 0) unpicklingError('Failed to load pickle data (IndexError: list index out of range); this usually means the input is corrupted or truncated')
    return stack[stack.length - 1]
  }
  const popMark = (): PyValue[] => {
    const items = stack
    const outer = metastack.pop()
    if (outer === undefined) unpicklingError('Failed to load pickle data (IndexError: pop from empty list); this usually means the input is corrupted or truncated')
    stack = outer
    return items
  }
  const push = (v: PyValue): void => {
    if (stack.length + memo.size >= maxObjects) fail('MemoryError', 'pickle holds too many objects')
    stack.push(v)
  }
  const readline = (): string => {
    const end = data.indexOf(0x0a, pos)
    if (end < 0) fail('EOFError', 'Ran out of input')
    const bytes = data.subarray(pos, end)
    pos = end + 1
    try {
      return utf8.decode(bytes)
    } catch {
      return unpicklingError('Failed to load pickle data (UnicodeDecodeError: invalid utf-8 in GLOBAL name)')
    }
  }
  const setItems = (target: PyValue, items: PyValue[]): void => {
    if (!(target instanceof PyDict)) unpicklingError(`Can only SETITEM(S) on dict or OrderedDict, got ${pyTypeName(target)}`)
    if (items.length % 2 !== 0) unpicklingError('Failed to load pickle data (IndexError: odd number of items for SETITEMS)')
    for (let i = 0; i < items.length; i += 2) (target as PyDict).set(items[i], items[i + 1])
  }
  const appendTo = (target: PyValue, items: PyValue[]): void => {
    if (!(target instanceof PyList)) unpicklingError(`Can only append to lists, but got ${pyTypeName(target)}`)
    for (const x of items) (target as PyList).items.push(x)
  }

  let ops = 0
  for (;;) {
    // A pickle of a hundred megabytes runs for seconds: the stop request is polled every few thousand opcodes.
    if (++ops === STOP_CHECK_ITEMS) {
      ops = 0
      checkStop()
    }
    const op = data[need(1)]
    switch (op) {
      case 0x80: { // PROTO
        need(1)
        break
      }
      case 0x2e: // STOP
        return pop()
      case 0x63: { // GLOBAL
        const module = readline()
        const name = readline()
        push(resolveGlobal(module, name))
        break
      }
      case 0x52: { // REDUCE
        const args = pop()
        const fn = pop()
        push(callGlobal(fn, args))
        break
      }
      case 0x81: { // NEWOBJ
        const args = pop()
        const cls = pop()
        void args
        unpicklingError(`Can only create new object for nn.Parameter or classes allowlisted via \`add_safe_globals\` but got ${cls instanceof PyGlobal ? cls.path : pyTypeName(cls)}`)
        break
      }
      case 0x62: { // BUILD
        const state = pop()
        const inst = top()
        if (inst instanceof PyDict && inst.ordered) inst.attributes = state
        else if (inst instanceof TorchTensorRef) { /* _rebuild_parameter_with_state passes state as an argument; BUILD on a tensor sets Python attributes only */ }
        else unpicklingError(`Can only build Tensor, Parameter, OrderedDict or types allowlisted via \`add_safe_globals\`, but got ${pyTypeName(inst)}`)
        break
      }
      case 0x61: { // APPEND
        const item = pop()
        appendTo(top(), [item])
        break
      }
      case 0x65: { // APPENDS
        const items = popMark()
        appendTo(top(), items)
        break
      }
      case 0x73: { // SETITEM
        const v = pop()
        const k = pop()
        setItems(top(), [k, v])
        break
      }
      case 0x75: { // SETITEMS
        const items = popMark()
        setItems(top(), items)
        break
      }
      case MARK:
        if (metastack.length >= 10_000) unpicklingError('pickle nests MARKs too deeply')
        metastack.push(stack)
        stack = []
        break
      case 0x74: // TUPLE
        push(new PyTuple(popMark()))
        break
      case 0x85: { // TUPLE1
        const a = pop()
        push(new PyTuple([a]))
        break
      }
      case 0x86: { // TUPLE2
        const b = pop()
        const a = pop()
        push(new PyTuple([a, b]))
        break
      }
      case 0x87: { // TUPLE3
        const c = pop()
        const b = pop()
        const a = pop()
        push(new PyTuple([a, b, c]))
        break
      }
      case 0x4e: push(null); break // NONE
      case 0x89: push(false); break // NEWFALSE
      case 0x88: push(true); break // NEWTRUE
      case 0x29: push(new PyTuple([])); break // EMPTY_TUPLE
      case 0x5d: push(new PyList()); break // EMPTY_LIST
      case 0x7d: push(new PyDict(false)); break // EMPTY_DICT
      case 0x8f: push(new PySet()); break // EMPTY_SET
      case 0x4a: push(dv.getInt32(need(4), true)); break // BININT
      case 0x4b: push(data[need(1)]); break // BININT1
      case 0x4d: push(dv.getUint16(need(2), true)); break // BININT2
      case 0x47: push(dv.getFloat64(need(8), false)); break // BINFLOAT (big-endian)
      case 0x58: { // BINUNICODE
        const n = dv.getUint32(need(4), true)
        const at = need(n)
        try {
          push(utf8.decode(data.subarray(at, at + n)))
        } catch {
          unpicklingError("Failed to load pickle data (UnicodeDecodeError: 'utf-8' codec can't decode a BINUNICODE string)")
        }
        break
      }
      case 0x55: { // SHORT_BINSTRING (torch decodes with encoding='utf-8' by default)
        const n = data[need(1)]
        const at = need(n)
        try {
          push(utf8.decode(data.subarray(at, at + n)))
        } catch {
          push(new PyBytes(data.slice(at, at + n)))
        }
        break
      }
      case 0x51: // BINPERSID
        push(opts.persistentLoad(pop()))
        break
      case 0x68: case 0x6a: { // BINGET, LONG_BINGET
        const idx = op === 0x68 ? data[need(1)] : dv.getUint32(need(4), true)
        const v = memo.get(idx)
        if (v === undefined) unpicklingError(`Failed to load pickle data (KeyError: ${idx}); this usually means the input is corrupted or truncated`)
        push(v as PyValue)
        break
      }
      case 0x71: case 0x72: { // BINPUT, LONG_BINPUT
        const idx = op === 0x71 ? data[need(1)] : dv.getUint32(need(4), true)
        if (memo.size >= maxObjects) fail('MemoryError', 'pickle memo holds too many objects')
        memo.set(idx, top())
        break
      }
      case 0x8a: { // LONG1: little-endian two's complement
        const n = data[need(1)]
        const at = need(n)
        let v = 0n
        for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(data[at + i])
        if (n > 0 && data[at + n - 1] & 0x80) v -= 1n << BigInt(8 * n)
        push(Number.isSafeInteger(Number(v)) ? Number(v) : v)
        break
      }
      default:
        unpicklingError(`Unsupported operand ${op}`)
    }
  }
}

// The op log's rows: one per operation the program wrote. The engine records its own steps
// (np.round is a multiply, a rint and a divide); the steps of one Python expression share
// that expression's run number (OpRecord.userOpSeq) and make one row, named as the program wrote it.
import type { OpRecord } from './types'

export type OpKind = 'alloc' | 'copy' | 'view'

export interface OpRow {
  seq: number              // the first step's place in the session's log (a stable key)
  line: string
  /** The operation in the program's words: `np.zeros(...)`, `z.T`, `z[...] = ...`. */
  name: string
  /** The engine's first step (a data attribute for tests; never shown). */
  op: string
  kind: OpKind
  copied: boolean
  bytes: number            // bytes written to new or copied memory; 0 for views
  seconds: number
  kernels: string          // the kernels that ran, each once
  why: string              // each step's reason, each once
  transfer?: OpRecord['transfer']
  resultId?: number | null
}

/** What a step did to memory: a new buffer, bytes copied, or a view of existing bytes. */
export function stepKind(o: OpRecord): OpKind {
  if (o.kernel === 'alloc') return 'alloc'
  return o.copied ? 'copy' : 'view'
}

/** An engine step's name in words, for steps no Python expression ran (traced from another program). */
export function stepWords(op: string): string {
  return op.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
}

function sameOperation(a: OpRecord, b: OpRecord): boolean {
  return a.userOpSeq !== undefined && a.userOpSeq === b.userOpSeq && a.historySeq === b.historySeq
}

/** Groups the log's steps (oldest first) into rows, oldest first. */
export function opRows(ops: readonly OpRecord[]): OpRow[] {
  const rows: OpRow[] = []
  for (let i = 0; i < ops.length;) {
    let j = i + 1
    while (j < ops.length && sameOperation(ops[i], ops[j])) j++
    rows.push(rowOf(ops.slice(i, j)))
    i = j
  }
  return rows
}

const KIND_ORDER: OpKind[] = ['alloc', 'copy', 'view']

function rowOf(steps: OpRecord[]): OpRow {
  const first = steps[0]
  const kinds = steps.map(stepKind)
  const kind = KIND_ORDER.find((k) => kinds.includes(k)) ?? 'view'
  const unique = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))]
  const last = [...steps].reverse().find((s) => s.resultId !== undefined)
  return {
    seq: first.seq,
    line: first.line,
    name: first.userOp ?? stepWords(first.op),
    op: first.op,
    kind,
    copied: steps.some((s) => s.copied),
    bytes: steps.reduce((n, s, k) => n + (kinds[k] === 'view' ? 0 : s.bytes), 0),
    seconds: steps.reduce((t, s) => t + s.seconds, 0),
    kernels: unique(steps.map((s) => s.kernel)).join(', '),
    why: unique(steps.map((s) => s.reason)).join('; '),
    transfer: steps.find((s) => s.transfer)?.transfer,
    resultId: last?.resultId
  }
}

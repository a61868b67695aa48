// Every run answers with a snapshot, so the history it carries is bounded: the newest
// entries within MAX_SNAPSHOT_HISTORY and MAX_SNAPSHOT_HISTORY_BYTES, with the total count.
// The session keeps every entry (the .py export and the cuda toggle's replay use them all).
import { describe, expect, it } from 'vitest'
import { Session } from '../../src/session'
import { MAX_SNAPSHOT_HISTORY, MAX_SNAPSHOT_HISTORY_BYTES } from '../../src/shared/protocol'
import { FakeRunner } from './fake-runner'

function session(): Session {
  return new Session({ createRunner: (o) => new FakeRunner(o), now: () => 1_700_000_000_000 })
}

describe('history in snapshots', () => {
  it('carries the newest MAX_SNAPSHOT_HISTORY entries and says how many there are', async () => {
    const s = session()
    const n = MAX_SNAPSHOT_HISTORY + 100
    for (let i = 0; i < n; i++) await s.run(`x${i} = ${i}`)
    const w = s.snapshot()
    expect(w.historyTotal).toBe(n)
    expect(w.history.length).toBe(MAX_SNAPSHOT_HISTORY)
    expect(w.history[0].seq).toBe(100)
    expect(w.history.at(-1)!.code).toBe(`x${n - 1} = ${n - 1}`)
    expect(s.exportScript()).toContain('x0 = 0\n')
  })

  it('stops at MAX_SNAPSHOT_HISTORY_BYTES of code (150 runs of 200 KB: about 1 MiB, not 30 MB, per reply)', async () => {
    const s = session()
    const big = (i: number) => `# ${i}\n` + 'x = 1\n'.repeat(200_000 / 6)
    let last
    for (let i = 0; i < 150; i++) last = await s.run(big(i))
    const bytes = last!.snapshot.history.reduce((k, h) => k + h.code.length, 0)
    expect(bytes).toBeLessThanOrEqual(MAX_SNAPSHOT_HISTORY_BYTES)
    expect(last!.snapshot.history.length).toBe(Math.floor(MAX_SNAPSHOT_HISTORY_BYTES / big(149).length))
    expect(last!.snapshot.history.at(-1)!.seq).toBe(149)
    expect(last!.snapshot.historyTotal).toBe(150)
    expect(JSON.stringify(last!.snapshot).length).toBeLessThan(2 * MAX_SNAPSHOT_HISTORY_BYTES)
  })

  it('always carries the newest entry, however long', async () => {
    const s = session()
    await s.run('a = 1')
    const w = (await s.run('# ' + 'y'.repeat(MAX_SNAPSHOT_HISTORY_BYTES + 10))).snapshot
    expect(w.history.map((h) => h.seq)).toEqual([1])
  })
})

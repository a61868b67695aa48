// `bin/stridescope profile` end to end: the table with medians and min–max,
// JSON output, NumPy in the same run (or the note why not), simulated transfers
// labelled, usage errors. The memcpy peak is cached in a temporary directory.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseProfileArgs } from '../../src/cli/commands/profile'

const BIN = resolve(__dirname, '..', '..', 'bin', 'stridescope')
const cache = mkdtempSync(join(tmpdir(), 'ss-profile-cli-'))
afterAll(() => rmSync(cache, { recursive: true, force: true }))
const profile = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, 'profile', ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, XDG_CACHE_HOME: cache, ...env } })

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0
if (!hasNumpy) console.log('[tests/profiler/profile-command] NumPy comparison checks skipped: python3 with NumPy is absent')

describe('profile arguments', () => {
  it('defaults and flags', () => {
    expect(parseProfileArgs([])).toMatchObject({ ops: null, sizes: [65536, 1048576, 16777216], repeats: 7, warmup: 2, json: false, simulateCuda: false, numpy: true })
    expect(parseProfileArgs(['--ops', 'clone,cpu', '--sizes', '1M,1K', '--repeats', '3', '--json', '--simulate-cuda', '--no-numpy']))
      .toMatchObject({ ops: ['clone', 'cpu'], sizes: [1024, 1048576], repeats: 3, json: true, simulateCuda: true, numpy: false })
  })

  it('refuses one-run figures, unknown ops and stray options', () => {
    expect(() => parseProfileArgs(['--repeats', '1'])).toThrow('--repeats needs an integer >= 3')
    expect(() => parseProfileArgs(['--ops', 'frobnicate'])).toThrow("unknown operation 'frobnicate'")
    expect(() => parseProfileArgs(['--sizes'])).toThrow('--sizes needs a value')
    expect(() => parseProfileArgs(['--fast'])).toThrow("unknown option '--fast'")
  })

  it('a usage error exits 2 with the usage', () => {
    const r = profile(['--repeats', '1'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('stridescope profile: --repeats needs an integer >= 3')
  })
})

describe('stridescope profile', () => {
  it('prints the table: medians with min–max, NumPy beside them when present', () => {
    const r = profile(['--ops', 'clone,contiguous_T,from_numpy', '--sizes', '4K,64K', '--repeats', '3', '--warmup', '1'])
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/memcpy peak: [\d.]+ GB\/s/)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^operation\s+size\s+kind\s+kernel\s+median\s+min–max\s+GB\/s median \(min–max\)/)
    expect(lines.filter((l) => l.startsWith('y = t.clone()'))).toHaveLength(2)
    expect(lines.find((l) => l.startsWith('y = t.T.contiguous()') && /\b64K\b/.test(l))).toMatch(/copy .* [\d.]+ \([\d.]+–[\d.]+\)/)
    expect(lines.find((l) => l.startsWith('t = torch.from_numpy(a)'))).toMatch(/conversion .*no copy/)
    expect(r.stdout).toContain('medians of 3 timed runs after 1 warm-up runs')
    if (hasNumpy) expect(r.stdout).toMatch(/NumPy [\d.]+ timed in the same run/), expect(r.stdout).toContain('np.ascontiguousarray(a.T)')
    else expect(r.stdout).toContain('NumPy comparison skipped')
  })

  it('--json gives the whole result; --simulate-cuda runs device moves, labelled simulated', () => {
    const r = profile(['--ops', 'cuda_pageable,cpu', '--sizes', '16K', '--repeats', '3', '--json', '--simulate-cuda', '--no-numpy'])
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.cancelled).toBe(false)
    expect(out.rows).toHaveLength(2)
    for (const row of out.rows) expect(row).toMatchObject({ kind: 'transfer', simulated: true, bytesMoved: 16384, skipped: null })
    expect(out.peak.points.length).toBeGreaterThan(0)
    expect(out.numpy).toBe('NumPy comparison off (--no-numpy)')
  })

  it('device moves without a cuda device are listed as skipped, with the reason', () => {
    const r = profile(['--ops', 'cuda_pinned', '--sizes', '4K', '--repeats', '3', '--no-numpy'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/y = p.cuda\(\).*skipped: no cuda device/)
  })

  it('a missing python3 is a note, not a failure', () => {
    const r = profile(['--ops', 'clone', '--sizes', '4K', '--repeats', '3'], { PYTHON: '/nonexistent/python3' })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('NumPy comparison skipped: /nonexistent/python3 not found')
  })
})

// This machine's memcpy peak: measured, cached in a JSON file, read back,
// re-measured on request, and a stale or foreign cache ignored.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { memcpyPeak, peakCacheFile, readPeakCache } from '../../src/profiler/node/peak'

const dir = mkdtempSync(join(tmpdir(), 'ss-peak-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const small = { bytes: 1 << 20, repeats: 3 }

describe('memcpy peak', () => {
  it('lives under XDG_CACHE_HOME, else ~/.cache', () => {
    expect(peakCacheFile({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/stridescope/peak.json')
    expect(peakCacheFile({})).toMatch(/\.cache\/stridescope\/peak\.json$/)
    expect(peakCacheFile({ XDG_CACHE_HOME: 'relative' })).toMatch(/\.cache\/stridescope\/peak\.json$/) // the spec ignores relative paths
  })

  it('is measured once, then read from the cache until remeasured', () => {
    const file = join(dir, 'a', 'peak.json')
    const first = memcpyPeak({ cacheFile: file, ...small })
    expect(first.cached).toBe(false)
    expect(first.gbps).toBeGreaterThan(0)
    // A peak is a ceiling: the fastest run, with the median and slowest beside it.
    expect(first.gbps).toBe(first.gbpsMax)
    expect(first.gbpsMedian).toBeLessThanOrEqual(first.gbps)
    expect(first.gbpsMin).toBeLessThanOrEqual(first.gbpsMedian)
    expect(first.repeats).toBe(3)
    // Measured at each standard size up to the buffer: cache-resident and beyond.
    expect(first.points.map((p) => p.bytes)).toEqual([64 << 10, 1 << 20])
    for (const p of first.points) expect(p.gbps).toBeGreaterThan(0)
    const second = memcpyPeak({ cacheFile: file, ...small })
    expect(second).toEqual({ ...first, cached: true })
    const again = memcpyPeak({ cacheFile: file, remeasure: true, ...small })
    expect(again.cached).toBe(false)
    expect(JSON.parse(readFileSync(file, 'utf8')).measuredAt).toBe(again.measuredAt)
  })

  it('ignores a malformed cache or one from another machine', () => {
    const file = join(dir, 'b.json')
    writeFileSync(file, '{ not json')
    expect(readPeakCache(file)).toBeNull()
    const rec = memcpyPeak({ cacheFile: file, ...small })
    writeFileSync(file, JSON.stringify({ ...rec, host: 'elsewhere' }))
    expect(readPeakCache(file)).toBeNull()
    writeFileSync(file, JSON.stringify({ ...rec, gbps: -1 }))
    expect(readPeakCache(file)).toBeNull()
    writeFileSync(file, JSON.stringify({ ...rec, points: [] }))
    expect(readPeakCache(file)).toBeNull()
    writeFileSync(file, JSON.stringify({ ...rec, version: 2 })) // an older format: measured again
    expect(readPeakCache(file)).toBeNull()
    writeFileSync(file, JSON.stringify(rec))
    expect(readPeakCache(file)).toEqual(rec)
    expect(readPeakCache(join(dir, 'absent.json'))).toBeNull()
  })
})

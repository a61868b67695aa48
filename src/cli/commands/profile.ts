// `stridescope profile`: times conversions, copies and transfers through the
// engine over a range of sizes and prints the table (or JSON); NumPy's
// equivalents are timed in the same run when python3 + NumPy exist.
import {
  compareWithNumpy, cudaState, devicePeak, memcpyPeak, parseSizes, runSweep, SWEEP_OP_IDS, sweepOperation, sweepTable, MIN_REPEATS,
  type SweepOpId, type SweepSpec,
} from '../../profiler/node'
import { formatSize } from '../../profiler/sizes'
import { HELP, parseCommandArgs, runCommand, UsageError } from '../args'

export const describe = 'time conversions, copies and device transfers over a range of sizes (median, min–max, GB/s)'
export const usage = `stridescope profile [--ops a,b,...] [--sizes 1K,1M,64M] [--repeats N] [--warmup N]
                          [--json] [--simulate-cuda] [--remeasure-peak] [--no-numpy]

  --ops LIST        operations (default: all that run here); one of
                    ${SWEEP_OP_IDS.join(', ')}
  --sizes LIST      operand sizes, binary units: 4K = 4096 bytes (default 64K,1M,16M);
                    4K..64M = every power of two between, 4K..64M*4 = in steps of ×4
  --repeats N       timed runs per cell, at least ${MIN_REPEATS} (default 7): figures are medians with min–max
  --warmup N        untimed runs first (default 2)
  --json            print the whole result as JSON
  --simulate-cuda   add the simulated cuda:0 (host memory) so device moves run; they are labelled simulated
  --remeasure-peak  measure this machine's memcpy peak again instead of reading the cache
  --no-numpy        skip timing NumPy's equivalents
  -h, --help        print this help`

export interface ProfileArgs {
  ops: SweepOpId[] | null
  sizes: number[]
  repeats: number
  warmup: number
  json: boolean
  simulateCuda: boolean
  remeasurePeak: boolean
  numpy: boolean
  help: boolean
}

export function parseProfileArgs(argv: string[]): ProfileArgs {
  const { values: v } = parseCommandArgs(argv, {
    options: {
      ops: { type: 'string' }, sizes: { type: 'string' }, repeats: { type: 'string' }, warmup: { type: 'string' },
      json: { type: 'boolean' }, 'simulate-cuda': { type: 'boolean' }, 'remeasure-peak': { type: 'boolean' }, 'no-numpy': { type: 'boolean' },
      ...HELP,
    },
  })
  const defaults: ProfileArgs = {
    ops: null, sizes: [64 << 10, 1 << 20, 16 << 20], repeats: 7, warmup: 2, json: false, simulateCuda: false, remeasurePeak: false, numpy: true, help: false,
  }
  if (v.help) return { ...defaults, help: true }
  const int = (value: string | undefined, flag: string, min: number, dflt: number) => {
    if (value === undefined) return dflt
    const n = Number(value)
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} needs an integer >= ${min}`)
    return n
  }
  const a: ProfileArgs = {
    ops: v.ops === undefined ? null : v.ops.split(',').filter(Boolean).map((id) => sweepOperation(id.trim()).id),
    sizes: v.sizes === undefined ? defaults.sizes : parseSizes(v.sizes),
    repeats: int(v.repeats, '--repeats', MIN_REPEATS, defaults.repeats),
    warmup: int(v.warmup, '--warmup', 0, defaults.warmup),
    json: v.json ?? false,
    simulateCuda: v['simulate-cuda'] ?? false,
    remeasurePeak: v['remeasure-peak'] ?? false,
    numpy: !v['no-numpy'],
    help: false,
  }
  if (a.ops !== null && a.ops.length === 0) throw new UsageError('--ops needs at least one operation')
  return a
}

export const main = (argv: string[]) => runCommand('profile', { describe, usage }, argv, parseProfileArgs, profile)

async function profile(args: ProfileArgs): Promise<number> {
  const log = (s: string) => process.stderr.write(s)
  const peak = memcpyPeak({ remeasure: args.remeasurePeak })
  const byLevel = peak.points.map((p) => `${formatSize(p.bytes)} ${p.gbps.toFixed(1)}`).join(', ')
  log(`memcpy peak: ${peak.gbps.toFixed(2)} GB/s (fastest run; median ${peak.gbpsMedian.toFixed(2)}, slowest ${peak.gbpsMin.toFixed(2)}); by size: ${byLevel} GB/s (${peak.method}${peak.cached ? ', cached' : ''})\n`)
  // Default: every operation; device moves only where a cuda device (a GPU, or the simulated one) answers.
  const cuda = cudaState(args.simulateCuda)
  if (!cuda.usable && args.ops === null) log(`device moves left out: ${cuda.why}\n`)
  else if (cuda.simulated) log('cuda:0 is simulated: its transfers are host memcpy, not a GPU\n')
  // A real GPU's transfers are compared with its own pinned transfer peaks (measured once, cached).
  const device = cuda.usable && !cuda.simulated ? devicePeak({ remeasure: args.remeasurePeak }) : null
  if (device) log(`cuda:0 pinned transfer peak: H2D ${device.h2dPinnedGbps.toFixed(1)} GB/s, D2H ${device.d2hPinnedGbps.toFixed(1)} GB/s (${device.method})\n`)
  const ops = args.ops ?? SWEEP_OP_IDS.filter((id) => cuda.usable || !sweepOperation(id).needsCuda)
  const spec: SweepSpec = { ops, sizes: args.sizes, repeats: args.repeats, warmup: args.warmup }
  const abort = new AbortController()
  const onSigint = () => abort.abort()
  process.once('SIGINT', onSigint)
  let result
  try {
    result = await runSweep(spec, {
      peak: peak.points, peakGbps: peak.gbps, devicePeak: device, cuda, signal: abort.signal,
      onProgress: (p) => { if (p.op && !args.json) log(`  [${p.done}/${p.total}] ${p.op} ${formatSize(p.bytes ?? 0)}\n`) },
    })
  } finally {
    process.off('SIGINT', onSigint)
  }
  let numpyNote: string
  if (!args.numpy) numpyNote = 'NumPy comparison off (--no-numpy)'
  else {
    const np = compareWithNumpy(result.rows, args.warmup, args.repeats)
    numpyNote = np.ok ? `NumPy ${np.version} timed in the same run` : `NumPy comparison skipped: ${np.why}`
  }
  if (args.json) {
    process.stdout.write(JSON.stringify({ ...result, peak, devicePeak: device, numpy: numpyNote }, null, 2) + '\n')
  } else {
    process.stdout.write(sweepTable(result))
    process.stdout.write(`${numpyNote}. %peak: against memcpy of the nearest size (${byLevel} GB/s).\n`)
  }
  return result.cancelled ? 130 : 0
}

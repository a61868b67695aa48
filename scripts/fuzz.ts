// `npm run fuzz [-- --programs N --files N --requests N --seed S]`: the nightly-size fuzz run.
// Prints per surface: inputs tried, agreements with NumPy, clean errors, crashes, hangs;
// writes every finding (a reproducer each) to fuzz-findings.json in the working folder.
// The slice in npm test is tests/fuzz/fuzz-slice.test.ts.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fuzzRunner } from '../src/fuzz/runner-programs'
import { fuzzFiles, fuzzRequests, type SurfaceReport } from '../src/fuzz/surfaces'

const { values } = parseArgs({
  options: {
    programs: { type: 'string', default: '100000' },
    files: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
  },
})
const seed = Number(values.seed)
const root = join(__dirname, '..')
const line = (r: SurfaceReport) =>
  `${r.surface.padEnd(40)} inputs ${String(r.inputs).padStart(7)}  clean errors ${String(r.cleanErrors).padStart(7)}  crashes ${r.crashes.length}  hangs ${r.hangs.length}`

async function main(): Promise<void> {
  const t0 = Date.now()
  // The runner in batches, so that NumPy's side runs in one process per batch.
  const batch = 5000
  const total = Number(values.programs)
  let inputs = 0, agreed = 0, clean = 0
  const mismatches = [], crashes = []
  for (let done = 0; done < total; done += batch) {
    const r = fuzzRunner(Math.min(batch, total - done), seed + done)
    inputs += r.inputs; agreed += r.agreed; clean += r.cleanErrors
    mismatches.push(...r.mismatches); crashes.push(...r.crashes)
    if (done === 0) console.log(`runner programs: ${r.numpy}`)
    // End the job between batches: V8 keeps every WeakRef target made in one synchronous job alive
    // until it ends (the runner's values hold WeakRefs), so 100,000 programs in one job ran out of heap.
    await new Promise((resolve) => setImmediate(resolve))
  }
  console.log(`${'runner programs vs NumPy'.padEnd(40)} inputs ${String(inputs).padStart(7)}  clean errors ${String(clean).padStart(7)}  crashes ${crashes.length}  hangs 0  agree ${agreed}  differ ${mismatches.length}`)
  const files = fuzzFiles(join(root, 'tests', 'fixtures', 'files'), Number(values.files), seed)
  console.log(line(files))
  const requests = await fuzzRequests(Number(values.requests), seed)
  console.log(line(requests))
  console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s; out-of-bounds reads: the readers bound-check each read and raise, counted as clean errors above)`)
  writeFileSync('fuzz-findings.json', JSON.stringify({ runner: { mismatches, crashes }, files: files.crashes.concat(), fileHangs: files.hangs, requests: requests.crashes }, null, 1))
  process.exit(crashes.length + files.crashes.length + requests.crashes.length + files.hangs.length + requests.hangs.length ? 1 : 0)
}

void main()

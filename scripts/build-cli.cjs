// The command line's bundle: bin/stridescope runs out/cli/main.js (and `serve` its
// session worker, out/cli/session-worker.js), one JavaScript file each, so a start
// costs loading a file instead of compiling TypeScript. Built at `npm install`;
// bin/stridescope rebuilds it first whenever a source file it was built from (or
// this script) has changed since, so the CLI always runs the current sources.
//
//   node scripts/build-cli.cjs      build now
'use strict'
const fs = require('node:fs')
const path = require('node:path')

const ROOT = path.join(__dirname, '..')
const OUT = path.join(ROOT, 'out', 'cli')
const MAIN = path.join(OUT, 'main.js')
const MANIFEST = path.join(OUT, 'inputs.json')
const ENTRIES = { main: 'src/cli/main.ts', 'session-worker': 'src/session/worker-entry.ts', 'run-program': 'src/cli/run-program.ts', 'run-worker': 'src/cli/run-worker.ts' }
// Read at run time next to the bundle: NumPy's timing script (src/profiler/node/numpy-timing.ts)
// and the loader that runs a bundle with its code cache (worker threads start through it).
const COPIED = ['src/profiler/node/numpy_timing.py', 'scripts/code-cache.cjs']

/** True when the bundle exists and no input changed after its build began. */
function isFresh() {
  let manifest
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'))
  } catch {
    return false
  }
  // Every start runs this over ~120 files: plain concatenation (the inputs are relative
  // paths esbuild wrote, already normalized) and no exception for a missing file.
  const root = ROOT + path.sep
  for (const rel of manifest.inputs) {
    const st = fs.statSync(root + rel, { throwIfNoEntry: false })
    if (!st || st.mtimeMs > manifest.startedAt) return false
  }
  return fs.existsSync(MAIN)
}

/** Bundles the entries; each output is written beside its final name, then renamed in (concurrent builds are safe). */
function build() {
  const startedAt = Date.now()
  const esbuild = require('esbuild')
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, src]) => [name, path.join(ROOT, src)])),
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    external: ['*.node'],
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'error',
    // The sources find their files through __dirname when bundled as CommonJS; import.meta is their ESM branch.
    logOverride: { 'empty-import-meta': 'silent' },
  })
  fs.mkdirSync(OUT, { recursive: true })
  const tmp = `.${process.pid}.tmp`
  const files = result.outputFiles.map((f) => ({ to: f.path, bytes: f.contents }))
  for (const rel of COPIED) files.push({ to: path.join(OUT, path.basename(rel).replace(/\.cjs$/, '.js')), bytes: fs.readFileSync(path.join(ROOT, rel)) })
  for (const f of files) fs.writeFileSync(f.to + tmp, f.bytes)
  for (const f of files) fs.renameSync(f.to + tmp, f.to)
  // V8 checks a code cache against its script's length only: a rebuilt bundle of the same
  // length would run the old code. The next start writes fresh ones (scripts/code-cache.cjs).
  for (const f of files) fs.rmSync(f.to + '.cache', { force: true })
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules'))
  inputs.push(...COPIED, path.relative(ROOT, __filename))
  fs.writeFileSync(MANIFEST + tmp, JSON.stringify({ startedAt, inputs }))
  fs.renameSync(MANIFEST + tmp, MANIFEST)
}

/** The script bin/stridescope should load: the bundle, rebuilt first if stale. Without
 * esbuild (a production install) a stale bundle is still used; with no bundle at all, the
 * TypeScript sources run through tsx. */
function cliEntry() {
  if (isFresh()) return MAIN
  try {
    build()
    return MAIN
  } catch (e) {
    if (fs.existsSync(MAIN) && e && e.code === 'MODULE_NOT_FOUND') return MAIN
    if (e && e.code !== 'MODULE_NOT_FOUND') throw e
    require('tsx/cjs/api').register()
    return path.join(ROOT, 'src', 'cli', 'main.ts')
  }
}

/** What bin/stridescope does: the current bundle, run with its code cache (or the sources through tsx). */
function start() {
  const entry = cliEntry()
  if (entry === MAIN) require('./code-cache.cjs').runBundle(MAIN)
  else require(entry)
}

module.exports = { cliEntry, start, build, isFresh, OUT }

if (require.main === module) {
  build()
  console.log(`[stridescope] command line bundled into ${path.relative(ROOT, OUT)}`)
}

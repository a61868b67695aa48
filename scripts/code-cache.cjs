// Runs a CommonJS bundle with V8's code cache beside it (FILE.cache), so that a start
// does not compile the bundle again. Used by bin/stridescope for out/cli/main.js and,
// copied into out/cli as code-cache.js, by `run` for the program's bundle (run-program.js
// on the main thread, run-worker.js on a thread of its own).
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')
const vm = require('node:vm')

/**
 * Loads `file` as a module through the code cache and returns its exports. With `afterRun`,
 * a missing or stale cache is written only when the program calls the flush (see below).
 */
function runBundle(file, { afterRun = false } = {}) {
  const cacheFile = file + '.cache'
  let cachedData
  try {
    cachedData = fs.readFileSync(cacheFile)
  } catch {}
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData })
  const stale = !cachedData || script.cachedDataRejected
  // A program's cache is written after it ran, so that it holds the functions start-up
  // compiled too, not just the top level: the program calls the function left at
  // globalThis[Symbol.for('stridescope.codeCache.flush')] just before it reports done
  // (src/cli/run-program.ts); one that never calls it leaves the cache unwritten.
  if (stale && afterRun) globalThis[FLUSH] = () => writeCache(cacheFile, script)
  const mod = new Module(file, module)
  mod.filename = file
  mod.paths = Module._nodeModulePaths(path.dirname(file))
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file))
  mod.loaded = true
  if (stale && !afterRun) writeCache(cacheFile, script)
  return mod.exports
}

const FLUSH = Symbol.for('stridescope.codeCache.flush')

/** Another process may write the same cache at the same time, hence the rename. */
function writeCache(cacheFile, script) {
  try {
    const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    fs.writeFileSync(tmp, script.createCachedData())
    fs.renameSync(tmp, cacheFile)
  } catch {}
}

module.exports = { runBundle }

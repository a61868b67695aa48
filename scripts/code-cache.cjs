// Runs a CommonJS bundle with V8's code cache beside it (FILE.cache), so that a start
// does not compile the bundle again. Used by bin/stridescope for out/cli/main.js and,
// copied into out/cli as code-cache.js, by the threads that load run-worker.js.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')
const vm = require('node:vm')

/** Loads `file` as a module (the thread's or process's program) through the code cache. */
function runBundle(file) {
  const cacheFile = file + '.cache'
  let cachedData
  try {
    cachedData = fs.readFileSync(cacheFile)
  } catch {}
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData })
  const stale = !cachedData || script.cachedDataRejected
  // The cache is written after the program ran, so that it holds the functions start-up
  // compiled too, not just the top level. A worker thread is terminated once it reports
  // its program done, so there the program itself calls the function left at
  // globalThis[Symbol.for('stridescope.codeCache.flush')] just before reporting
  // (src/cli/run-worker.ts); a program that never calls it leaves the cache unwritten.
  const inWorker = !require('node:worker_threads').isMainThread
  if (stale && inWorker) globalThis[FLUSH] = () => writeCache(cacheFile, script)
  const mod = new Module(file, module)
  mod.filename = file
  mod.paths = Module._nodeModulePaths(path.dirname(file))
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file))
  mod.loaded = true
  if (stale && !inWorker) writeCache(cacheFile, script)
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

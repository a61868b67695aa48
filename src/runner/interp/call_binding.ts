// Binding a call's positional and keyword arguments to a user function's parameters, with
// CPython's TypeError texts for missing, surplus and duplicate arguments.
import { PyDict, PyTuple, PyFunction, type PyValue, type Kwargs } from './values'
import { pyErr } from './exceptions'
import type { FnScope } from './scopes'

export function bindParams(fn: PyFunction, args: PyValue[], kwargs: Kwargs, scope: FnScope): void {
  const positional = fn.params.filter(p => p.kind === 'normal' && !p.kwOnly)
  const star = fn.params.find(p => p.kind === 'star')
  const dstar = fn.params.find(p => p.kind === 'dstar')
  const v = scope.vars
  if (args.length > positional.length && !star) {
    const req = positional.filter(p => !fn.defaults.has(p.name)).length
    const takes = req === positional.length ? `${positional.length}` : `from ${req} to ${positional.length}`
    throw pyErr('TypeError', `${fn.name}() takes ${takes} positional argument${positional.length === 1 && req === 1 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`)
  }
  positional.forEach((p, i) => { if (i < args.length) v.set(p.name, args[i]) })
  if (star) v.set(star.name, new PyTuple(args.slice(positional.length)))
  const extra = new PyDict()
  for (const [k, x] of kwargs) {
    const p = fn.params.find(q => q.name === k && q.kind === 'normal')
    if (!p) {
      if (!dstar) throw pyErr('TypeError', `${fn.name}() got an unexpected keyword argument '${k}'`)
      extra.entries.set('s:' + k, [k, x])
      continue
    }
    if (v.has(k)) throw pyErr('TypeError', `${fn.name}() got multiple values for argument '${k}'`)
    v.set(k, x)
  }
  if (dstar) v.set(dstar.name, extra)
  const missing: string[] = []
  const missingKw: string[] = []
  for (const p of fn.params) {
    if (p.kind !== 'normal' || v.has(p.name)) continue
    if (fn.defaults.has(p.name)) v.set(p.name, fn.defaults.get(p.name)!)
    else (p.kwOnly ? missingKw : missing).push(p.name)
  }
  const report = (names: string[], kind: string) => {
    const quoted = names.map(n => `'${n}'`)
    const list = quoted.length === 1 ? quoted[0] : quoted.slice(0, -1).join(', ') + ' and ' + quoted[quoted.length - 1]
    throw pyErr('TypeError', `${fn.name}() missing ${names.length} required ${kind} argument${names.length === 1 ? '' : 's'}: ${list}`)
  }
  if (missing.length) report(missing, 'positional')
  if (missingKw.length) report(missingKw, 'keyword-only')
}

/** Names a function body binds (its locals), and the names it declares global. */

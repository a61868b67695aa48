// Calls a Python callable from native code (builtins, methods, library bindings):
// a Python function runs in the interpreter that defined it, anything else
// through its own call hook. No interpreter is looked up from process state.
import { PyFunction, PyObject, type PyValue, type Kwargs } from './values'
import { pyErr } from './exceptions'
import { typeName } from './ops'

export function callValue(fn: PyValue, args: PyValue[], kwargs: Kwargs = new Map()): PyValue {
  if (fn instanceof PyFunction) return fn.owner.call(fn, args, kwargs)
  if (fn instanceof PyObject && fn.call) return fn.call(args, kwargs)
  throw pyErr('TypeError', `'${typeName(fn)}' object is not callable`)
}

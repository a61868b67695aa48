// Python's warning filters (the warnings module's filters list, simplefilter / filterwarnings /
// resetwarnings / catch_warnings): what happens to a warning a program or a library raises.
// One instance per interpreter, as CPython keeps one list per process.
import { PyClass, PyObject, PyList, PyExcInstance, type PyValue } from './values'
import { PyException, excClass } from './exceptions'
import { typeName } from './ops'

export type WarnAction = 'default' | 'error' | 'ignore' | 'always' | 'module' | 'once'
export const WARN_ACTIONS: readonly WarnAction[] = ['error', 'ignore', 'always', 'default', 'module', 'once']

interface Filter {
  action: WarnAction
  /** Python compiles the message pattern with re.I and matches it at the start of the text. */
  message: RegExp | null
  messageSource: string
  category: PyClass
  /** Matched at the start of the warning's module: every warning here is attributed to the program, '__main__'. */
  module: RegExp | null
  moduleSource: string
  lineno: number
}

/** What `catch_warnings(record=True)` collects: warnings.WarningMessage. */
class WarningMessage extends PyObject {
  private static cls = new PyClass('WarningMessage', null, 'warnings')
  constructor(private readonly attrs: Record<string, PyValue>) { super() }
  get pyClass() { return WarningMessage.cls }
  getattr(name: string): PyValue | undefined { return this.attrs[name] }
}

export interface ShownWarning { category: PyClass; message: string; filename: string; line: number }

export class WarningFilters {
  private filters: Filter[] = []
  /** Warnings already shown under 'default', 'once' and 'module' (CPython's registries). */
  private shown = new Set<string>()
  /** The lists of the catch_warnings(record=True) blocks in progress, innermost last (null: not recording). */
  private saved: { filters: Filter[]; record: PyList | null }[] = []

  /** warnings.simplefilter / filterwarnings: a new filter first (or last, with append), replacing an equal one. */
  add(action: WarnAction, category: PyClass, { message = '', module = '', lineno = 0, append = false }: { message?: string; module?: string; lineno?: number; append?: boolean } = {}): void {
    const f: Filter = {
      action, category, lineno,
      messageSource: message, message: message ? startPattern(message, 'i') : null,
      moduleSource: module, module: module ? startPattern(module, '') : null,
    }
    const same = (g: Filter) => g.action === f.action && g.category === f.category && g.messageSource === f.messageSource && g.moduleSource === f.moduleSource && g.lineno === f.lineno
    this.filters = this.filters.filter(g => !same(g))
    if (append) this.filters.push(f)
    else this.filters.unshift(f)
    this.mutated()
  }

  reset(): void {
    this.filters = []
    this.mutated()
  }

  /** catch_warnings.__enter__: the filters are restored on exit; with record, warnings are collected instead of shown. */
  enter(record: boolean): PyList | null {
    const list = record ? new PyList([]) : null
    this.saved.push({ filters: [...this.filters], record: list })
    return list
  }

  exit(): void {
    const s = this.saved.pop()
    if (s) this.filters = s.filters
    this.mutated()
  }

  /**
   * Applies the filters to one warning: shows it (through `show`), records it, raises it (the
   * 'error' action throws the warning as an exception) or drops it.
   */
  handle(w: ShownWarning, show: (w: ShownWarning) => void): void {
    const action = this.actionFor(w)
    if (action === 'ignore') return
    if (action === 'error') throw new PyException(new PyExcInstance(w.category, [w.message]))
    if (action !== 'always') {
      const key = action === 'default' ? `${w.category.name}\0${w.message}\0${w.filename}\0${w.line}` : `${action}\0${w.category.name}\0${w.message}`
      if (this.shown.has(key)) return
      this.shown.add(key)
    }
    const record = this.recording()
    if (record) {
      record.items.push(new WarningMessage({
        message: new PyExcInstance(w.category, [w.message]), category: w.category, filename: w.filename, lineno: BigInt(w.line), line: null, file: null, source: null,
      }))
    } else {
      show(w)
    }
  }

  private recording(): PyList | null {
    return this.saved.length ? this.saved[this.saved.length - 1].record : null
  }

  private actionFor(w: ShownWarning): WarnAction {
    for (const f of this.filters) {
      if (!w.category.isSubclassOf(f.category)) continue
      if (f.message && !f.message.test(w.message)) continue
      if (f.module && !f.module.test('__main__')) continue
      if (f.lineno !== 0 && f.lineno !== w.line) continue
      return f.action
    }
    return 'default'
  }

  /** CPython forgets which warnings it showed whenever the filters change (_filters_mutated). */
  private mutated(): void {
    this.shown.clear()
  }
}

/** A Python pattern matched at the start of a text; one JavaScript cannot read is matched as plain text. */
function startPattern(source: string, flags: string): RegExp {
  try {
    return new RegExp(`^(?:${source})`, flags)
  } catch {
    return new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, flags)
  }
}

/** A warning category argument: a Warning subclass (TypeError otherwise, as CPython's). */
export function warningCategory(v: PyValue | undefined, fallback = 'UserWarning'): PyClass {
  if (v === undefined || v === null) return excClass(fallback)
  const warning = excClass('Warning')
  if (v instanceof PyClass && v.isSubclassOf(warning)) return v
  throw new PyException(new PyExcInstance(excClass('TypeError'), [`category must be a Warning subclass, not '${typeName(v)}'`]))
}

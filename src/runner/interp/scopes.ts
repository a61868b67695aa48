// Variable scopes and the static analysis that decides which names a function body binds
// (its locals), as Python's compiler does before the function runs.
import type { Expr, Stmt } from './ast'
import { Scope } from './values'

/** Variable scope: module (locals === null) or a function/comprehension/class body. */
export class FnScope extends Scope {
  /** Names a `nonlocal` statement binds to an enclosing function's variable. */
  nonlocalNames = new Set<string>()
  /** A class body's namespace: functions defined in it do not see it (Python's scoping). */
  isClass = false
  constructor(parent: Scope | null, readonly locals: Set<string> | null, readonly globalNames: Set<string>, readonly module: Scope) {
    super(parent, null)
  }

  /** The enclosing function scope that owns `name` (for nonlocal). */
  owner(name: string): FnScope | null {
    for (let s = this.parent as FnScope | null; s && s.locals; s = s.parent as FnScope | null) {
      if (s.locals.has(name)) return s
    }
    return null
  }
}

export function collectLocals(body: Stmt[], out: Set<string>, globals: Set<string>): void {
  for (const s of body) {
    switch (s.k) {
      case 'assign': s.targets.forEach(t => collectTargetNames(t, out)); break
      case 'augassign': collectTargetNames(s.target, out); break
      case 'for': collectTargetNames(s.target, out); collectLocals(s.body, out, globals); collectLocals(s.orelse, out, globals); break
      case 'while': collectLocals(s.body, out, globals); collectLocals(s.orelse, out, globals); break
      case 'if': collectLocals(s.body, out, globals); collectLocals(s.orelse, out, globals); break
      case 'def': out.add(s.name); break
      case 'class': out.add(s.name); break
      case 'try':
        collectLocals(s.body, out, globals); collectLocals(s.orelse, out, globals); collectLocals(s.final, out, globals)
        for (const h of s.handlers) { if (h.name) out.add(h.name); collectLocals(h.body, out, globals) }
        break
      case 'with':
        for (const item of s.items) if (item.target) collectTargetNames(item.target, out)
        collectLocals(s.body, out, globals)
        break
      case 'del': s.targets.forEach(t => collectTargetNames(t, out)); break
      case 'import': s.names.forEach(n => out.add(n.asname ?? n.module.split('.')[0])); break
      case 'from': s.names.forEach(n => out.add(n.asname ?? n.name)); break
      case 'global': s.names.forEach(n => globals.add(n)); break
      case 'nonlocal': s.names.forEach(n => globals.add('\0nonlocal:' + n)); break
    }
  }
}

export function collectTargetNames(t: Expr, out: Set<string>): void {
  if (t.k === 'name') out.add(t.id)
  else if (t.k === 'tuple' || t.k === 'list') t.elts.forEach(e => collectTargetNames(e, out))
  else if (t.k === 'starred') collectTargetNames(t.e, out)
}

/** Control-flow signals and a timeout are not Python exceptions; everything else is. */

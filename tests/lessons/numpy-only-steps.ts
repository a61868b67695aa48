// Which lesson steps can run in CPython with NumPy alone (PyTorch is not
// installed here): steps that never touch torch, nor any name that a torch step
// touched (a torch step may bind it, or write through it: from_numpy shares
// memory, so an array a torch step names may have changed). Conservative by
// construction: any identifier a torch step mentions is off limits afterwards.

const NEUTRAL = new Set([
  // keywords
  'False', 'None', 'True', 'and', 'as', 'assert', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
  // builtins and modules the lessons use (never rebound by them)
  'print', 'range', 'len', 'int', 'float', 'str', 'bool', 'list', 'tuple', 'dict', 'type', 'isinstance', 'id',
  'sum', 'min', 'max', 'abs', 'repr', 'enumerate', 'zip', 'Exception', 'TypeError', 'RuntimeError', 'ValueError',
  'IndexError', 'AttributeError', 'np', 'numpy', 'time'
])

/** Names used in `code` (not attributes after a dot; string literals and comments removed). */
export function namesIn(code: string): Set<string> {
  const stripped = code
    .replace(/#[^\n]*/g, '')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, '""')
  const names = new Set<string>()
  for (const m of stripped.matchAll(/(?<![.\w])[A-Za-z_]\w*/g)) if (!NEUTRAL.has(m[0])) names.add(m[0])
  return names
}

const IMPORT_TORCH = /^import torch\s*$/gm

export function numpyOnlySteps(steps: { code: string }[]): { index: number; code: string }[] {
  const tainted = new Set<string>()
  const picked: { index: number; code: string }[] = []
  steps.forEach((step, index) => {
    const code = step.code.replace(IMPORT_TORCH, 'pass')
    const names = namesIn(code)
    const usesTorch = names.has('torch') || [...names].some((n) => tainted.has(n))
    if (usesTorch) {
      for (const n of names) tainted.add(n)
      return
    }
    picked.push({ index, code })
  })
  return picked
}

// The step budget of the run in progress. Native loops over Python values (a
// range's elements) count against the budget of the interpreter that is
// running: it enters this scope for the length of a run and restores the
// previous one after, so runners never see each other's budgets.
let current: (() => void) | null = null

export function withBudget<T>(tick: () => void, body: () => T): T {
  const outer = current
  current = tick
  try {
    return body()
  } finally {
    current = outer
  }
}

/** Counts one step against the running interpreter's budget (none outside a run). */
export function tickBudget(): void {
  current?.()
}

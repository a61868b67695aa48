// The stack a thread that runs Python needs: CPython's recursion limit is 1000 frames,
// and a tree-walking interpreter spends far more native stack per frame than
// Node's default (under 1 MB) allows. Threads that run programs (the session
// worker, `stridescope run`'s thread) are started with this much.
export const RUNNER_STACK_MB = 32

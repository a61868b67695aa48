// What a run reports: the plain records the session, CLI and library code share.
// Apart from index.ts so that library code can name them without importing the Runner.
import type { OpReport } from '../engine/types'

export interface PyErrorInfo { type: string; message: string; traceback: string; line: number | null }
export interface OpRecord extends OpReport { line: number; source: string; resultId: number | null; inputIds: number[] }
export interface RunResult { stdout: string; stderr: string; error: PyErrorInfo | null; ops: OpRecord[] }

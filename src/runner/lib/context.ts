// The runner's link to the engine: builds the numpy/torch modules, wraps engine objects
// as Python values, records every engine operation (OpRecord) and relays engine warnings.
import type { EngineObject } from '../../engine'
import type { OpRecord } from '../index'
import type { PyModule, PyValue } from '../interp/values'

export interface LibraryHost {
  simulateCuda: boolean
  currentLine(): number
  warn(category: string, message: string, once?: boolean): void
}

export class LibraryContext {
  private ops: OpRecord[] = []
  private sourceLines: string[] = []
  constructor(readonly host: LibraryHost) {}

  beginRun(source: string): void {
    this.sourceLines = source.split('\n')
    this.ops = []
  }

  takeOps(): OpRecord[] {
    const out = this.ops
    this.ops = []
    return out
  }

  engineObjectOf(_v: PyValue): EngineObject | null { return null }

  module(_name: string): PyModule | null { return null }
}

// Bounds checks for value windows, done before anything touches engine
// memory: a window must lie inside the object and stay small.
import { MAX_WINDOW_ELEMENTS } from '../shared/protocol'
import { SessionError } from './errors'

export function checkWindow(shape: readonly number[], start: readonly number[], size: readonly number[]): void {
  if (start.length !== shape.length || size.length !== shape.length) {
    throw new SessionError(
      'out-of-range',
      `window rank mismatch: object has ${shape.length} dimensions, start has ${start.length}, shape has ${size.length}`,
      'IndexError'
    )
  }
  let elements = 1
  for (let d = 0; d < shape.length; d++) {
    if (start[d] + size[d] > shape[d] || (size[d] > 0 && start[d] >= shape[d])) {
      throw new SessionError(
        'out-of-range',
        `window [${start[d]}, ${start[d] + size[d]}) is out of bounds for dimension ${d} with size ${shape[d]}`,
        'IndexError'
      )
    }
    elements *= size[d]
  }
  if (elements > MAX_WINDOW_ELEMENTS) {
    throw new SessionError('out-of-range', `window of ${elements} elements exceeds the limit of ${MAX_WINDOW_ELEMENTS}`)
  }
}

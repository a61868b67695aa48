// What every tab of the object actions receives from the shell: the selected
// object, the result name the shell edits, and the one way to run a line.
import type { ObjectEntry } from '../../model/types'

export type ActionTab = 'view' | 'convert' | 'copy' | 'device' | 'edit' | 'delete'

export interface TabProps {
  sel: ObjectEntry
  /** The Python name the line reads the object through. */
  src: string
  /** The name a new object gets (the typed one, else a fresh suggestion). */
  outName: string
  nameOk: boolean
  /** Runs the line through the console's runner and shows its outcome; null does nothing. */
  run: (line: string | null) => Promise<void>
}

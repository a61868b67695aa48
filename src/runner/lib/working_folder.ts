// The app's working folder: the file functions (np.load/np.save/np.savez, torch.load,
// safetensors' load_file/save_file) resolve a relative path inside the folder the person
// chose, and refuse one that leaves it ('../', or a symlink inside that points out). An
// absolute path is taken as it is only from a line the person typed in the console; lines
// the app writes (buttons, lessons, menus) are refused one. The CLI has no working folder:
// paths are the process's, as in Python.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pyErr } from '../interp/exceptions'
import { reprStr } from '../../files/py-repr'

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** The working folder, and whether the run in progress may name absolute paths (a line the person typed). */
export interface FileAccess {
  folder: string
  absolutePaths: boolean
}

/** Where `name` is read or written under `access`; PermissionError when it leaves the working folder. */
export function resolveInFolder(access: FileAccess, name: string): string {
  if (path.isAbsolute(name)) {
    if (access.absolutePaths) return name
    throw pyErr('PermissionError', `[Errno 13] Permission denied: ${reprStr(name)} (an absolute path is taken only from a line typed in the console; this line came from the app, so its paths stay inside the working folder ${reprStr(access.folder)})`)
  }
  const root = fs.realpathSync(access.folder)
  const full = path.resolve(root, name)
  // The deepest part of the path that exists, with its links followed, must stay inside too.
  let existing = full
  while (!fs.existsSync(existing) && existing !== path.dirname(existing)) existing = path.dirname(existing)
  let real = existing
  try {
    real = fs.realpathSync(existing)
  } catch {
    // a dangling link: what it points at is not followed here; the lexical check below still applies
  }
  if (!inside(root, full) || !inside(root, real)) {
    throw pyErr('PermissionError', `[Errno 13] Permission denied: ${reprStr(name)} (outside the working folder ${reprStr(root)}; type an absolute path to reach it)`)
  }
  return full
}

// The check a new working folder passes before the session takes it (setWorkingFolder):
// the person types it in browser mode, so every refusal says what is wrong with it.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { SessionError } from './errors'

/** The folder as the session keeps it (absolute, normalised, `~` expanded); a bad-request error saying why not. */
export function checkWorkingFolder(given: string): string {
  const text = given.trim()
  if (!text) throw new SessionError('bad-request', 'the working folder is empty: type the path of a folder')
  const expanded = text === '~' || text.startsWith('~/') ? path.join(os.homedir(), text.slice(1)) : text
  if (!path.isAbsolute(expanded)) {
    throw new SessionError('bad-request', `the working folder must be an absolute path (starting with / or ~), got ${JSON.stringify(text)}`)
  }
  const folder = path.resolve(expanded)
  let stat: fs.Stats
  try {
    stat = fs.statSync(folder)
  } catch {
    throw new SessionError('bad-request', `no such folder: ${JSON.stringify(folder)}`)
  }
  if (!stat.isDirectory()) throw new SessionError('bad-request', `not a folder: ${JSON.stringify(folder)}`)
  return folder
}

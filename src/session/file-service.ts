// Opening a tensor file in the app: the file's table (src/files describes it: dtype,
// shape, strides, offset, storage, bytes, shares with) and Python lines that load every
// tensor into the workspace through the runner (`w = torch.load('f.pt', weights_only=True)`,
// then one name per tensor), so the history replays and the 3D views show the real
// shared storages. Bytes from the renderer are written to a private temp folder first.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { FileDescription, FileEntry } from '../files/description'
import { FileFormatError } from '../files/errors'
import { DEFAULT_MMAP_LIMIT } from '../files/npy-read'
import { openTensorFile } from '../files/open-file'
import * as pv from '../files/pickle-values'
import { readTorchFile } from '../files/torch-pt'
import { decodeBase64 } from '../shared/base64'
import {
  MAX_TABLE_ENTRIES, MAX_UPLOAD_BYTES, type FileTable, type FileTableEntry, type FilesMethod, type filesMethods, type OpenFileResult,
} from '../shared/files-protocol'
import type { Infer } from '../shared/schema'
import { SessionError } from './errors'
import type { Session } from './session'

/** Most tensors bound to their own workspace name (the rest stay reachable through the file's name). */
export const MAX_BOUND_TENSORS = 200

const PY_KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except finally for ' +
  'from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '))
/** Names the loading lines use themselves. */
const RESERVED = new Set(['np', 'torch', 'load_file', 'numpy', 'safetensors'])

/** A Python string literal (single quotes, as repr writes it) for any path or key. */
export function pyString(s: string): string {
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') + "'"
}

/** A Python identifier from any text: 'layer.0.weight' -> 'layer_0_weight' (keywords are left to Names). */
export function identifier(text: string): string {
  let id = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'f'
  if (/^[0-9]/.test(id)) id = 'f_' + id
  return id
}

/**
 * Names a loading plan binds. Names already in use (builtins, imported modules, the
 * program's variables) are never replaced: `bool.npy` binds `bool_npy`, not `bool`.
 */
class Names {
  private used: Set<string>
  constructor(inUse: Iterable<string> = []) { this.used = new Set(inUse) }
  take(want: string, instead = want): string {
    let name = this.used.has(want) ? instead : want
    for (let i = 2; this.used.has(name); i++) name = `${instead}_${i}`
    this.used.add(name)
    return name
  }
}

/** For a .pt: each tensor's subscript path from the root, in collectTensors' order (first visit wins). */
function tensorPaths(root: pv.PyValue): Map<pv.TorchTensorRef, string> {
  const out = new Map<pv.TorchTensorRef, string>()
  const seen = new Set<object>()
  const walk = (v: pv.PyValue, expr: string): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return
    seen.add(v)
    if (v instanceof pv.TorchTensorRef) out.set(v, expr)
    else if (v instanceof pv.PyDict) {
      for (const [k, x] of v.entries()) {
        const key = typeof k === 'string' ? pyString(k) : typeof k === 'number' || typeof k === 'bigint' ? String(k) : null
        if (key !== null) walk(x, `${expr}[${key}]`)
      }
    } else if (v instanceof pv.PyList || v instanceof pv.PyTuple) v.items.forEach((x, i) => walk(x, `${expr}[${i}]`))
  }
  walk(root, '')
  return out
}

interface Plan { code: string; variables: Map<FileEntry, string> }

/** The Python lines that load the file and name its tensors. */
function loadingPlan(file: string, desc: FileDescription, torchPaths: Map<FileEntry, string> | null, inUse: Iterable<string>): Plan {
  const names = new Names([...inUse, ...RESERVED, ...PY_KEYWORDS])
  const stem = identifier(path.basename(file).replace(/\.[^.]*$/, ''))
  const base = names.take(stem, identifier(path.basename(file)))
  const variables = new Map<FileEntry, string>()
  const lines: string[] = []
  const loadable = desc.entries.filter((e) => e.dtype !== null)
  const bind = (e: FileEntry, expr: string) => {
    if (variables.size >= MAX_BOUND_TENSORS) return
    const v = names.take(`${base}_${identifier(e.name)}`)
    variables.set(e, v)
    lines.push(`${v} = ${base}${expr}`)
  }
  switch (desc.format) {
    case 'npy':
      lines.push('import numpy as np')
      if (loadable.length) {
        // A big .npy stays on disk, mapped read-only, as np.load(mmap_mode='r') does.
        const big = desc.storages[0].nbytes > DEFAULT_MMAP_LIMIT
        lines.push(`${base} = np.load(${pyString(file)}${big ? ", mmap_mode='r'" : ''})`)
        variables.set(loadable[0], base)
      }
      break
    case 'npz':
      lines.push('import numpy as np', `${base} = np.load(${pyString(file)})`)
      for (const e of loadable) bind(e, `[${pyString(e.name)}]`)
      break
    case 'safetensors':
      lines.push('from safetensors.torch import load_file', `${base} = load_file(${pyString(file)})`)
      for (const e of loadable) bind(e, `[${pyString(e.name)}]`)
      break
    case 'pt': {
      lines.push('import torch', `${base} = torch.load(${pyString(file)}, weights_only=True)`)
      for (const e of desc.entries) {
        const expr = torchPaths?.get(e)
        if (expr === '') variables.set(e, base) // the checkpoint is one tensor
        else if (expr !== undefined) bind(e, expr)
      }
      break
    }
  }
  return { code: lines.join('\n'), variables }
}

function tableEntry(e: FileEntry, desc: FileDescription, variable: string): FileTableEntry {
  const storageBytes = desc.storages.find((s) => s.key === e.storageKey)?.nbytes ?? 0
  return {
    name: e.name, variable, kind: e.kind, dtype: e.dtype ?? e.dtypeText, shape: e.shape, strides: e.strides,
    byteOffset: e.byteOffset, storage: e.storageKey, nbytes: e.shape.reduce((a, d) => a * d, 1) * e.itemsize, storageBytes,
    byteOrder: e.byteOrder, fortranOrder: e.fortranOrder, readOnly: e.readOnly, sharesWith: e.sharesWithMore ? [...e.sharesWith, `+${e.sharesWithMore} more`] : e.sharesWith, unsupported: e.unsupported ?? null,
  }
}

/**
 * Describes the file without loading it into the engine (the table and the plan).
 * `inUse`: names the plan must not rebind (the session's globals and builtins);
 * `named`: the path the loading lines and the table give (an upload's own name).
 */
export function describeForApp(file: string, inUse: Iterable<string> = [], named = file): { table: FileTable } {
  let desc: FileDescription
  let torchPaths: Map<FileEntry, string> | null = null
  try {
    desc = openTensorFile(file)
    if (desc.format === 'pt') {
      desc.close()
      const loaded = readTorchFile(file)
      desc = loaded.description
      const byRef = tensorPaths(loaded.root)
      torchPaths = new Map([...loaded.entryOf].map(([ref, entry]) => [entry, byRef.get(ref) ?? '']))
    }
  } catch (e) {
    if (e instanceof FileFormatError) throw new SessionError('bad-request', e.message, e.pyType)
    throw e
  }
  try {
    const plan = loadingPlan(named, desc, torchPaths, inUse)
    const entries = desc.entries.slice(0, MAX_TABLE_ENTRIES).map((e) => tableEntry(e, desc, plan.variables.get(e) ?? ''))
    const table: FileTable = {
      path: named, format: desc.format, fileBytes: fs.statSync(file).size, entries,
      truncated: desc.entries.length > MAX_TABLE_ENTRIES, warnings: desc.warnings, code: plan.code,
    }
    return { table }
  } finally {
    desc.close()
  }
}

/**
 * openFile: the table, then the loading lines run in the session (a Python error is part of the result).
 * `named`: what the lines call the file, when the program reads it under another name (an upload).
 */
export async function openFileInSession(session: Session, file: string, named = file): Promise<OpenFileResult> {
  if (!path.isAbsolute(file)) throw new SessionError('bad-request', `openFile needs an absolute path, got ${JSON.stringify(file)}`)
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw new SessionError('not-found', `[Errno 2] No such file or directory: ${pyString(file)}`, 'FileNotFoundError')
  }
  if (!stat.isFile()) throw new SessionError('bad-request', `${file} is not a regular file`)
  const { table } = describeForApp(file, session.namesInUse(), named)
  // The loading lines are the app's, not typed: the one absolute path they may read is the file the person chose.
  if (named === file) session.provideFile(file, file)
  const run = await session.run(table.code)
  // The table names only variables that exist: a line that failed bound nothing.
  const bound = new Set(run.snapshot.objects.flatMap((o) => o.names))
  const entries = table.entries.map((e) => (e.variable && !bound.has(e.variable) ? { ...e, variable: '' } : e))
  return { table: { ...table, entries }, run }
}

/** Each session's upload folder: kept while its history may load the files again, removed with it. */
const uploadDirs = new WeakMap<Session, string>()
/** Every upload folder still on disk, removed at exit too (a process that ends without dispose). */
const liveUploadDirs = new Set<string>()
let exitHookSet = false

function removeUploadDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
  liveUploadDirs.delete(dir)
}

/** The session's upload folder, while it has one (tests check its lifetime). */
export function uploadFolderOf(session: Session): string | null {
  return uploadDirs.get(session) ?? null
}

function uploadDirFor(session: Session): string {
  let dir = uploadDirs.get(session)
  if (dir) return dir
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stridescope-files-'))
  if (!exitHookSet) {
    exitHookSet = true
    process.once('exit', () => { for (const d of [...liveUploadDirs]) removeUploadDir(d) })
  }
  liveUploadDirs.add(dir)
  uploadDirs.set(session, dir)
  const made = dir
  session.whenCleared(() => {
    uploadDirs.delete(session)
    removeUploadDir(made)
  })
  return dir
}

/** Strict standard base64 (what encodeBase64 writes); atob alone also takes unpadded text and spaces. */
function decodeUpload(base64: string): Uint8Array {
  const bad = (): never => {
    throw new SessionError('bad-request', 'openFileBytes: base64 is not valid standard base64 (A-Z a-z 0-9 + /, padded with = to a multiple of 4)')
  }
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) bad()
  try {
    return decodeBase64(base64)
  } catch {
    return bad()
  }
}

/**
 * openFileBytes: the renderer's bytes land in the session's private temp folder under their own
 * (sanitised) name, and the program reads them under the name the person chose (`np.load('a.npy')`):
 * the loading lines, the history, the table and the errors never show the temp folder.
 */
export async function openBytesInSession(session: Session, name: string, base64: string): Promise<OpenFileResult> {
  const bytes = decodeUpload(base64)
  if (bytes.length > MAX_UPLOAD_BYTES) throw new SessionError('out-of-range', `file is ${bytes.length} bytes; the most that can be sent is ${MAX_UPLOAD_BYTES}`)
  const safe = path.basename(name).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '') || 'upload'
  const dir = uploadDirFor(session)
  let target = path.join(dir, safe)
  for (let i = 2; fs.existsSync(target); i++) target = path.join(dir, `${i}_${safe}`)
  fs.writeFileSync(target, bytes, { mode: 0o600 })
  const own = path.basename(name.replace(/\\/g, '/')) || safe
  try {
    return await openFileInSession(session, target, session.provideFile(own, target) ? own : target)
  } catch (e) {
    // The private temp folder is this app's business: an error names the file as the user chose it.
    if (e instanceof SessionError) throw new SessionError(e.code, e.message.split(target).join(name).split(dir).join('.'), e.pyType)
    throw e
  }
}

type Handlers = {
  [M in FilesMethod]: (session: Session, params: Infer<(typeof filesMethods)[M]['params']>) => Promise<Infer<(typeof filesMethods)[M]['result']>>
}

/** Spread into src/session/handlers.ts's table: `...filesHandlers`. */
export const filesHandlers: Handlers = {
  openFile: (session, p) => openFileInSession(session, p.path),
  openFileBytes: (session, p) => openBytesInSession(session, p.name, p.base64),
}

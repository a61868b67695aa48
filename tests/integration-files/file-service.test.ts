// The app's openFile: the file's table and the Python lines that load it (no engine
// needed), then the lines run in a real session (the workspace gets every tensor).
import { afterAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describeForApp, identifier, openFileInSession, pyString, uploadFolderOf } from '../../src/session/file-service'
import { handleRequest } from '../../src/session/handlers'
import { createAppSession } from '../../src/session/app-session'
import { f32Bytes, torchSave, type StorageSpec } from '../files/helpers/torch-save'
import { tempDir } from './helpers'
import { MAX_UPLOAD_BYTES, type OpenFileResult } from '../../src/shared/files-protocol'

const FIXTURES = resolve(__dirname, '..', 'fixtures', 'files')
const dir = tempDir()
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const six: StorageSpec = { key: '0', type: 'FloatStorage', numel: 6, bytes: f32Bytes([0, 1, 2, 3, 4, 5]) }

function checkpoint(): string {
  const path = join(dir, '1st model.pt')
  writeFileSync(path, torchSave({ dict: [
    ['state', { ordered: [
      ['w', { tensor: { storage: '0', offset: 0, size: [2, 3], stride: [3, 1] } }],
      ['w.t', { tensor: { storage: '0', offset: 0, size: [3, 2], stride: [1, 3] } }],
    ] }],
    ['extra', { list: [{ tensor: { storage: '0', offset: 2, size: [2], stride: [1] } }, 7] }],
  ] }, [six]))
  return path
}

describe('file tables and loading lines', () => {
  it('names are Python identifiers and paths Python literals', () => {
    expect(identifier('1st model')).toBe('f_1st_model')
    expect(identifier('layer.0.weight')).toBe('layer_0_weight')
    expect(pyString("a'b\\c\n")).toBe("'a\\'b\\\\c\\n'")
  })

  it('a checkpoint: one line per tensor by its real subscript path, sharing listed', () => {
    const path = checkpoint()
    const { table } = describeForApp(path)
    expect(table.format).toBe('pt')
    expect(table.code.split('\n')).toEqual([
      'import torch',
      `f_1st_model = torch.load(${pyString(path)}, weights_only=True)`,
      "f_1st_model_state_w = f_1st_model['state']['w']",
      "f_1st_model_state_w_t = f_1st_model['state']['w.t']",
      "f_1st_model_extra_0 = f_1st_model['extra'][0]",
    ])
    const w = table.entries.find((e) => e.name === 'state.w')!
    expect(w).toMatchObject({ variable: 'f_1st_model_state_w', dtype: 'float32', shape: [2, 3], strides: [12, 4], storage: '0', nbytes: 24, storageBytes: 24 })
    expect(w.sharesWith).toEqual(expect.arrayContaining(['state.w.t', 'extra.0']))
  })

  it('a NumPy .npz and a Fortran .npy', () => {
    const npz = describeForApp(join(FIXTURES, 'stored.npz')).table
    expect(npz.code.split('\n').slice(0, 2)).toEqual(['import numpy as np', `stored = np.load(${pyString(join(FIXTURES, 'stored.npz'))})`])
    expect(npz.entries.every((e) => e.variable.startsWith('stored_'))).toBe(true)
    const f = describeForApp(join(FIXTURES, 'fortran_f4.npy')).table
    expect(f.entries[0]).toMatchObject({ variable: 'fortran_f4', fortranOrder: true })
  })

  it('bad files and bad requests get clear errors, never a crash', async () => {
    const junk = join(dir, 'junk.npy')
    writeFileSync(junk, '\x93NUMPY\x01\x00garbage')
    expect(() => describeForApp(junk)).toThrow()
    const session = createAppSession()
    expect(await handleRequest(session, 'openFile', { path: 'relative.npy' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await handleRequest(session, 'openFile', { path: join(dir, 'none.npy') })).toMatchObject({ ok: false, error: { code: 'not-found', pyType: 'FileNotFoundError' } })
    expect(await handleRequest(session, 'openFile', { path: 5 })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    // Uploads are capped (the browser-mode WebSocket carries at most 4 MiB per message).
    const tooBig = 'A'.repeat(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4)
    expect(await handleRequest(session, 'openFileBytes', { name: 'x.npy', base64: tooBig })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })
})

describe('openFile in a session', () => {
  it('loads every tensor into the workspace, sharing one storage, and the lines join the history', async () => {
    const session = createAppSession()
    const { table, run } = await openFileInSession(session, checkpoint())
    expect(run.error).toBeNull()
    const names = run.snapshot.objects.flatMap((o) => o.names)
    for (const e of table.entries) expect(names).toContain(e.variable)
    const storages = new Set(run.snapshot.objects.filter((o) => table.entries.some((e) => o.names.includes(e.variable))).map((o) => o.info.storage.id))
    expect(storages.size).toBe(1)
    expect(session.exportScript()).toContain('torch.load(')
  })

  it('openFileBytes writes the bytes to a private folder and opens them', async () => {
    const session = createAppSession()
    const bytes = readFileSync(join(FIXTURES, 'v1_int16.npy')).toString('base64')
    const reply = await handleRequest(session, 'openFileBytes', { name: '../../evil/v1_int16.npy', base64: bytes })
    expect(reply.ok).toBe(true)
    if (reply.ok) {
      const r = reply.result as OpenFileResult
      expect(r.run.error).toBeNull()
      expect(r.table.entries[0].variable).toBe('v1_int16')
      // The file is named as the person chose it (its own name), never by its private copy.
      expect(r.table.path).toBe('v1_int16.npy')
      expect(r.table.code).toBe("import numpy as np\nv1_int16 = np.load('v1_int16.npy')")
      expect(r.run.snapshot.history.at(-1)!.code).toBe(r.table.code)
      expect(JSON.stringify(r)).not.toContain(uploadFolderOf(session)!)
      expect(readdirSync(uploadFolderOf(session)!)).toEqual(['v1_int16.npy'])
    }
    // A line typed later reads the upload under the same name; a missing file names itself.
    const again = await session.run("w = np.load('v1_int16.npy')\nprint(w.dtype, w.shape)")
    expect(again.error).toBeNull()
    expect(again.stdout).toBe('int16 (2, 3)\n')
    const missing = await session.run("np.load('not_uploaded.npy')")
    expect(missing.error).toMatchObject({ type: 'FileNotFoundError', message: "[Errno 2] No such file or directory: 'not_uploaded.npy'" })
    session.dispose()
  })

  it('a damaged upload, read again by a typed line, names the file as chosen', async () => {
    const session = createAppSession()
    const reply = await handleRequest(session, 'openFileBytes', { name: 'broken.npy', base64: Buffer.from('\x93NUMPY garbage').toString('base64') })
    expect(reply.ok).toBe(false)
    const r = await session.run("import numpy as np\nnp.load('broken.npy')")
    expect(r.error).not.toBeNull()
    expect(JSON.stringify(r.error)).not.toContain(uploadFolderOf(session)!)
    session.dispose()
  })

  it('bad base64 is a bad request with a reason, not an internal error', async () => {
    const session = createAppSession()
    for (const base64 of ['%%%%', 'abc', 'AAAA\u00e9']) {
      const reply = await handleRequest(session, 'openFileBytes', { name: 'x.npy', base64 })
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^openFileBytes: base64 is not valid/) } })
    }
    session.dispose()
  })

  it('the upload folder lives as long as the history that loads from it', async () => {
    const bytes = readFileSync(join(FIXTURES, 'v1_int16.npy')).toString('base64')
    const session = createAppSession()
    const folderOf = (reply: Awaited<ReturnType<typeof handleRequest>>): string => {
      expect(reply.ok).toBe(true)
      return uploadFolderOf(session)!
    }
    const folder = folderOf(await handleRequest(session, 'openFileBytes', { name: 'a.npy', base64: bytes }))
    expect(folderOf(await handleRequest(session, 'openFileBytes', { name: 'a.npy', base64: bytes }))).toBe(folder)
    expect(readdirSync(folder).sort()).toEqual(['2_a.npy', 'a.npy'])
    // replaying the history (the simulated-cuda switch) still finds the files
    expect((await session.setSimulateCuda(true)).objects.length).toBeGreaterThan(0)
    await session.reset()
    expect(existsSync(folder)).toBe(false)
    // a new upload after the reset gets a new folder; dispose removes it
    const again = folderOf(await handleRequest(session, 'openFileBytes', { name: 'a.npy', base64: bytes }))
    expect(existsSync(again)).toBe(true)
    session.dispose()
    expect(existsSync(again)).toBe(false)
  })
})

describe('opening a file never shadows a name', () => {
  it('a file named like a builtin, a module or a variable gets a safe name; the builtin still works', async () => {
    const session = createAppSession()
    await session.run('import numpy as np\nx = np.ones(2)')
    const bool = join(dir, 'bool.npy')
    const x = join(dir, 'x.npy')
    const np = join(dir, 'np.npy')
    for (const p of [bool, x, np]) writeFileSync(p, readFileSync(join(FIXTURES, 'v1_bool.npy')))
    const opened = await openFileInSession(session, bool)
    expect(opened.run.error).toBeNull()
    expect(opened.table.entries[0].variable).toBe('bool_npy')
    expect(opened.table.code).toContain(`bool_npy = np.load(${pyString(bool)})`)
    expect((await openFileInSession(session, x)).table.entries[0].variable).toBe('x_npy')
    expect((await openFileInSession(session, np)).table.entries[0].variable).toBe('np_npy')
    // Opening the same file again binds a new name; the first stays.
    expect((await openFileInSession(session, bool)).table.entries[0].variable).toBe('bool_npy_2')
    const r = await session.run('z = np.zeros(3, dtype=bool)\nprint(z.dtype, x.shape)')
    expect(r.error).toBeNull()
    expect(r.stdout).toBe('bool (2,)\n')
  })

  it('an upload that fails to open names the file as chosen, never the private temp folder', async () => {
    const session = createAppSession()
    const reply = await handleRequest(session, 'openFileBytes', { name: 'broken.npy', base64: Buffer.from('\x93NUMPY\x01\x00garbage').toString('base64') })
    expect(reply.ok).toBe(false)
    if (!reply.ok) {
      expect(reply.error.message).not.toMatch(/stridescope-files-|\/tmp\//)
    }
  })
})

describe('a .safetensors with unaligned tensors', () => {
  /** A file whose int64 tensor starts 6 bytes into the data (after a 6-byte uint8 one). */
  function unaligned(): string {
    const header = JSON.stringify({
      small: { dtype: 'U8', shape: [6], data_offsets: [0, 6] },
      big: { dtype: 'I64', shape: [2], data_offsets: [6, 22] }
    })
    const data = Buffer.alloc(22)
    for (let i = 0; i < 6; i++) data[i] = i + 1
    data.writeBigInt64LE(-5n, 6)
    data.writeBigInt64LE(1n << 40n, 14)
    const len = Buffer.alloc(8)
    len.writeBigUInt64LE(BigInt(header.length))
    const path = join(dir, 'unaligned.safetensors')
    writeFileSync(path, Buffer.concat([len, Buffer.from(header), data]))
    return path
  }

  it('opens: the unaligned tensor is copied into an aligned buffer and the op log says so', async () => {
    const session = createAppSession()
    const { table, run } = await openFileInSession(session, unaligned())
    expect(run.error).toBeNull()
    const names = run.snapshot.objects.flatMap((o) => o.names)
    for (const e of table.entries) expect(names).toContain(e.variable)
    const big = table.entries.find((e) => e.name === 'big')!.variable
    const r = await session.run(`print(${big}.tolist(), ${big}.storage_offset(), ${big}.data_ptr() % 8)`)
    expect(r.stdout).toBe('[-5, 1099511627776] 0 0\n')
    const copy = run.ops.find((o) => o.reason?.startsWith('unaligned in the file'))
    expect(copy).toMatchObject({ copied: true, bytes: 16, reason: 'unaligned in the file (byte offset 6): copied into an aligned buffer' })
  })
})

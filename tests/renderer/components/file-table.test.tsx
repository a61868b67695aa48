// The app's file table and panel rendered to static HTML (no DOM needed): what the person
// sees for an opened checkpoint, and that the panel hides itself on a host without files.
import { describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { FileTable } from '../../../src/renderer/src/files/FileTable'
import { formatBytes } from '../../../src/renderer/src/model/format'
import { FilePanel } from '../../../src/renderer/src/files'
import { Ctx, ViewRegistry, type AppContext } from '../../../src/renderer/src/state/context'
import { Store } from '../../../src/renderer/src/state/store'
import { initialState } from '../../../src/renderer/src/state/appState'
import type { Controller } from '../../../src/renderer/src/state/controller'
import type { FileTable as Table } from '../../../src/shared/files-protocol'

const table: Table = {
  path: '/data/ckpt.pt', format: 'pt', fileBytes: 4600, truncated: false, warnings: [], code: 'import torch',
  entries: [
    { name: 'small', variable: 'ckpt_small', kind: 'tensor', dtype: 'float32', shape: [2, 2], strides: [40, 4], byteOffset: 2000, storage: '0',
      nbytes: 16, storageBytes: 4000, byteOrder: '<', fortranOrder: false, readOnly: false, sharesWith: ['big'], unsupported: null },
    { name: 'big', variable: 'ckpt_big', kind: 'tensor', dtype: 'float32', shape: [1000], strides: [4], byteOffset: 0, storage: '0',
      nbytes: 4000, storageBytes: 4000, byteOrder: '<', fortranOrder: false, readOnly: false, sharesWith: ['small'], unsupported: null },
  ],
}

const cells = (html: string): string[][] =>
  [...html.matchAll(/<tr data-testid="file-entry"[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, '')))

describe('file table', () => {
  it('lists dtype, shape, byte strides, offset, storage, bytes and sharing', () => {
    const rows = cells(renderToStaticMarkup(<FileTable table={table} />))
    expect(rows[0]).toEqual(['small', 'ckpt_small', 'float32', '(2, 2)', '(40, 4)', '2000', '0 (3.91 KiB)', '16 B', 'big'])
    expect(rows[1]).toEqual(['big', 'ckpt_big', 'float32', '(1000,)', '(4,)', '0', '0 (3.91 KiB)', '3.91 KiB', 'small'])
  })

  it('formats sizes in binary units', () => {
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(64 * 1024 * 1024)).toBe('64.0 MiB')
  })

  it('the panel shows an Open button only when the host can open files', () => {
    const render = (host: object) => {
      const app: AppContext = { store: new Store(initialState), controller: { host } as unknown as Controller, views: new ViewRegistry() }
      return renderToStaticMarkup(<Ctx.Provider value={app}><FilePanel /></Ctx.Provider>)
    }
    expect(render({})).toBe('')
    expect(render({ openFile: () => null, openFileBytes: () => null })).toContain('data-testid="open-file"')
  })
})

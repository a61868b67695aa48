// Components rendered to static HTML from a store (no DOM needed): what the
// person sees for a given workspace.
import { describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { Ctx, ViewRegistry, type AppContext } from '../../../src/renderer/src/state/context'
import { Store } from '../../../src/renderer/src/state/store'
import { initialState, type AppState } from '../../../src/renderer/src/state/appState'
import type { Controller } from '../../../src/renderer/src/state/controller'
import { Inspector } from '../../../src/renderer/src/components/Inspector'
import { WorkspacePanel } from '../../../src/renderer/src/components/WorkspacePanel'
import { OpLog } from '../../../src/renderer/src/components/OpLog'
import { ActionResult } from '../../../src/renderer/src/components/ActionResult'
import { DeviceLanes } from '../../../src/renderer/src/views/DeviceLanes'
import { workspace } from './fixtures'

function render(node: React.ReactNode, patch: Partial<AppState> = {}): string {
  const store = new Store({ ...initialState, workspace, ...patch })
  const app: AppContext = { store, controller: {} as Controller, views: new ViewRegistry() }
  return renderToStaticMarkup(<Ctx.Provider value={app}>{node}</Ctx.Provider>)
}

const text = (html: string, testId: string): string | null => {
  const m = html.match(new RegExp(`data-testid="${testId}"[^>]*>(.*?)</dd>`))
  return m ? m[1].replace(/<[^>]+>/g, '') : null
}

describe('inspector', () => {
  it('shows strides in elements and bytes, and evaluates the address of the hovered element', () => {
    const html = render(<Inspector />, { selectedId: 3, hover: { objectId: 3, index: [2, 1] } })
    expect(text(html, 'insp-shape')).toBe('(4, 3)')
    expect(text(html, 'insp-strides')).toBe('(1, 4)')
    expect(text(html, 'insp-byte-strides')).toBe('(4, 16)')
    // 0x7f5433c2e000 + 2·1·4 + 1·4·4
    const base = BigInt('140000000000000')
    expect(html).toContain(`0x${base.toString(16)} + 2·1·4 + 1·4·4 = 0x${(base + 24n).toString(16)}`)
  })

  it('labels a simulated device as simulated, and says what to do with nothing selected', () => {
    expect(render(<Inspector />, { selectedId: 4 })).toContain('simulated')
    expect(render(<Inspector />, { selectedId: null })).toContain('Select an array or tensor')
  })
})

describe('workspace', () => {
  it('groups objects by the memory they view: a, t, b together; g on its own device', () => {
    const html = render(<WorkspacePanel />)
    const groups = html.split('data-testid="storage-group"').slice(1)
    expect(groups.length).toBe(2)
    expect(groups[0]).toMatch(/obj-a.*obj-t.*obj-b/s)
    expect(groups[1]).toContain('cuda:0 (simulated)')
    expect(groups[1]).toContain('obj-g')
  })

  it('has an empty state', () => {
    expect(render(<WorkspacePanel />, { workspace: { ...workspace, objects: [], storages: [], memoryBlocks: [] } })).toContain('workspace-empty')
  })
})

describe('operation log and device lanes', () => {
  it('badges views and copies, newest first, with bytes and kernel', () => {
    const html = render(<OpLog />)
    const rows = html.split('data-testid="op-row"').slice(1)
    expect(rows.length).toBe(3)
    expect(rows[0]).toContain('cudaMemcpy H2D')
    expect(rows[1]).toMatch(/data-testid="op-badge"[^>]*>copy</)
    expect(rows[1]).toContain('48 B')
    expect(rows[2]).toMatch(/data-testid="op-badge"[^>]*>view</)
    // The result column names what the op made, or says it is gone.
    expect(rows[2]).toMatch(/data-testid="op-result"[^>]*>t \[3, 4\]</)
    expect(rows[1]).toMatch(/data-testid="op-result"[^>]*>#99 \(freed\)</)
  })

  it('draws one lane per device and the transfer between them', () => {
    const html = render(<DeviceLanes />)
    expect(html).toContain('data-testid="lane-cpu"')
    expect(html).toContain('data-testid="lane-cuda:0"')
    expect(html.split('data-testid="transfer"').length - 1).toBe(1)
    expect(html).toContain('cpu → cuda:0')
  })
})

describe('inline action errors', () => {
  it('show the library message as Python prints it and a suggested fix', () => {
    const html = renderToStaticMarkup(<ActionResult outcome={{
      line: 'n = g.numpy()',
      error: { type: 'TypeError', message: "can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first." }
    }} />)
    expect(html).toContain('TypeError: can&#x27;t convert cuda:0 device type tensor to numpy.')
    expect(html).toContain('Suggested fix: copy it to host memory first: g.cpu().numpy()')
  })
})

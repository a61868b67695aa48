// Object lifetimes in the runner: an array or tensor is freed as soon as the program
// can no longer reach it, as under CPython's reference counting. Checked through the
// simulated device's torch.cuda.memory_allocated() (PyTorch's caching allocator: 512-byte
// blocks; allocated drops on a free, reserved keeps the cached block) and the workspace.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Runner } from '../../../src/runner'

const addon = join(__dirname, '..', '..', '..', 'build', 'Release', 'stridescope.node')
const haveAddon = existsSync(addon) || !!process.env.STRIDESCOPE_ADDON
if (!haveAddon) console.log(`[tests/runner/lib/lifetimes] native addon not built (${addon}); skipped. Run \`npm run build:native\`.`)

// The counters are the engine's (process-wide): each program measures from where it starts.
const PRELUDE = `import torch
import numpy as np
base = torch.cuda.memory_allocated()
m = lambda: torch.cuda.memory_allocated() - base
`

/** Runs `body` on a fresh runner with the simulated device; the printed lines. */
function run(body: string): string[] {
  const runner = new Runner({ simulateCuda: true })
  const r = runner.run(PRELUDE + body)
  runner.dispose()
  if (r.error) throw new Error(r.stderr)
  return r.stdout.trimEnd().split('\n')
}

describe.skipIf(!haveAddon)('object lifetimes', () => {
  it('del frees the storage: allocated drops, reserved keeps the cached block', () => {
    expect(run(`
reserved = torch.cuda.memory_reserved()
a = torch.ones(1000, device='cuda')
print(m(), torch.cuda.memory_reserved() >= reserved)
kept = torch.cuda.memory_reserved()
del a
print(m(), torch.cuda.memory_reserved() == kept)`)).toEqual(['4096 True', '0 True'])
  })

  it('rebinding a name in a loop frees the previous object each time', () => {
    const out = run(`
for i in range(50):
    b = torch.zeros(1000, device='cuda')
    assert m() <= 2 * 4096, m()
print(m())
b = 1
print(m())`)
    expect(out).toEqual(['4096', '0'])
  })

  it("a function's locals go when it returns; what it returns stays", () => {
    expect(run(`
def f():
    x = torch.ones(256, device='cuda')
    y = torch.ones(128, device='cuda')
    print('inside', m())
    return y
r = f()
print('after', m())
f()
print('discarded', m())`)).toEqual(['inside 1536', 'after 512', 'inside 2048', 'discarded 512'])
  })

  it('removing from a list or dict, or dropping the container, frees its items', () => {
    expect(run(`
L = [torch.ones(128, device='cuda'), torch.ones(128, device='cuda'), torch.ones(128, device='cuda')]
print(m())
L.pop()
print(m())
del L[0]
print(m())
d = {'k': torch.ones(128, device='cuda'), 'nested': [torch.ones(128, device='cuda')]}
print(m())
del d['k']
print(m())
d = None
print(m())
L.clear()
print(m())`)).toEqual(['1536', '1024', '512', '1536', '1024', '512', '0'])
  })

  it('a view keeps its base alive (b = a[::2]; del a keeps the storage)', () => {
    expect(run(`
a = torch.arange(1000, device='cuda', dtype=torch.float32)
b = a[::2]
del a
print(m(), b[:3].tolist())
del b
print(m())
x = np.arange(6)
v = x[::2]
del x
print(v, v.base)`)).toEqual(['4096 [0.0, 2.0, 4.0]', '0', '[0 2 4] [0 1 2 3 4 5]'])
  })

  it('an exception unwinding drops the frames it leaves; a handled one holds its arguments', () => {
    expect(run(`
def fails():
    big = torch.ones(1024, device='cuda')
    raise ValueError('no')
try:
    fails()
except ValueError:
    pass
print('unwound', m())
try:
    raise KeyError(torch.ones(1024, device='cuda'))
except KeyError as e:
    print('bound', m())
print('after', m())`)).toEqual(['unwound 0', 'bound 4096', 'after 0'])
  })

  it('reference cycles through containers are freed too', () => {
    expect(run(`
L = [torch.ones(128, device='cuda')]
L.append(L)
del L
print(m())`)).toEqual(['0'])
  })

  it('what a statement holds across its body stays alive: loop iterables, finally, closures', () => {
    // The last row is a view: it keeps the whole iterated tensor's storage, as in PyTorch.
    expect(run(`
total = 0
for row in torch.ones(4, 256, device='cuda'):
    s = row.sum()
    total += 1
print(total, m())
del row, s
print(m())
def outer():
    kept = torch.ones(128, device='cuda')
    def inner():
        return kept.sum().item()
    return inner
g = outer()
r = g()
print(r, m())
del g
try:
    try:
        raise ValueError(torch.ones(1024, device='cuda'))
    finally:
        tmp = torch.zeros(128, device='cuda')
        print('finally', m())
except ValueError as e:
    print(e.args[0].sum().item())
print(m())`)).toEqual(['4 4608', '0', '128.0 512', 'finally 4608', '1024.0', '512'])
  })

  it('a function argument survives a nested call that collects', () => {
    expect(run(`
def make():
    t = torch.ones(128, device='cuda')
    return t
def use(a, b):
    return (a + b).sum().item()
r = use(make(), make())
print(r, m())
cache = [torch.ones(128, device='cuda')]
def drop():
    cache.clear()
    z = torch.zeros(4, device='cuda')
    return 1
def both(a, b):
    return a.sum().item() + b
r = both(cache[0], drop())
print(r, m())`)).toEqual(['256.0 0', '129.0 0'])
  })

  it('the workspace shows exactly the live objects', async () => {
    const { createAppSession } = await import('../../../src/session/app-session')
    const s = createAppSession({ simulateCuda: true })
    await s.run(PRELUDE + "a = torch.ones(1000, device='cuda')\nb = a[::2]")
    let w = (await s.run('del a')).snapshot
    expect(w.objects.map((o) => o.names)).toEqual([['b']])
    // b's storage is the one a made (still alive through b)
    expect(w.storages).toHaveLength(1)
    w = (await s.run('b = 0\nprint(m())')).snapshot
    expect(w.objects).toEqual([])
    expect(w.storages).toEqual([])
    expect((await s.run('print(m())')).stdout).toBe('0\n')
  })
})

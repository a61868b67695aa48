// The memory cap over the real engine: the snapshot counts the live bytes per device,
// a cap set through the session refuses an allocation past it with the library's own
// out-of-memory error before anything is allocated, and every existing object stays.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const MiB = 2 ** 20

/** Half of MemTotal: the engine's default cap. */
function halfOfRam(): number {
  const kb = Number(/MemTotal:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))![1])
  return (kb * 1024) / 2
}

describe('memory cap per device (session over the real engine)', async () => {
  const { createAppSession } = await import('../../src/session/app-session')
  const { methods } = await import('../../src/shared/protocol')
  const prelude = 'import numpy as np\nimport torch\n'
  type W = { memory?: { device: string; live: number; cap: number }[] }
  const live = (w: W, device = 'cpu') => w.memory!.find((d) => d.device === device)!.live
  const cap = (w: W, device = 'cpu') => w.memory!.find((d) => d.device === device)!.cap

  it('counts the live bytes of each storage once (views add nothing) and frees them with the last view', async () => {
    const s = createAppSession()
    const w0 = await s.run(prelude)
    expect(cap(w0.snapshot)).toBe(halfOfRam())
    expect(w0.snapshot.memoryCaps).toEqual({ cpu: null, cuda: null })
    const base = live(w0.snapshot)
    const r = await s.run('a = np.zeros((1000, 1000))\nv = a.T\nw = a[::2]\nt = torch.ones(250, dtype=torch.int32)')
    expect(r.error).toBeNull()
    expect(live(r.snapshot) - base).toBe(8_000_000 + 1000)
    const d = await s.run('del a, v, w')
    expect(live(d.snapshot) - base).toBe(1000)
    expect(methods.run.result.check(d, 'run')).toBeNull()
    s.dispose()
  })

  it("refuses an array past the cpu cap with NumPy's _ArrayMemoryError and PyTorch's allocator error; nothing is lost", async () => {
    const s = createAppSession()
    await s.run(prelude + 'a = np.arange(10.0)\nt = torch.arange(4)')
    const before = await s.setMemoryCaps({ cpu: 2 * MiB, cuda: null })
    expect(before.memoryCaps).toEqual({ cpu: 2 * MiB, cuda: null })
    expect(cap(before)).toBe(2 * MiB)
    const np = await s.run('b = np.ones((1000, 1000))')
    expect(np.error).toMatchObject({
      type: '_ArrayMemoryError',
      message: 'Unable to allocate 7.63 MiB for an array with shape (1000, 1000) and data type float64',
    })
    expect(np.error!.traceback).toMatch(/\nnumpy\._core\._exceptions\._ArrayMemoryError: Unable to allocate 7\.63 MiB/)
    const torch = await s.run('u = torch.empty(1000, 1000)')
    expect(torch.error).toMatchObject({
      type: 'RuntimeError',
      message: "[enforce fail at alloc_cpu.cpp:117] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate 4000000 bytes. Error code 12 (Cannot allocate memory)",
    })
    // A copy is an allocation too; a view is not.
    expect((await s.run('c = np.tile(a, 100000)')).error?.type).toBe('_ArrayMemoryError')
    expect((await s.run('v = a[::2]')).error).toBeNull()
    // `except MemoryError` catches NumPy's subclass, as in NumPy.
    const caught = await s.run('try:\n    np.zeros(10**6)\nexcept MemoryError as e:\n    print(type(e).__name__)')
    expect(caught.stdout).toBe('_ArrayMemoryError\n')
    const names = caught.snapshot.objects.flatMap((o) => o.names).sort()
    expect(names).toEqual(['a', 't', 'v'])
    // Raised again, the cap lets it through.
    const after = await s.setMemoryCaps({ cpu: null, cuda: null })
    expect(cap(after)).toBe(halfOfRam())
    expect((await s.run('b = np.ones((1000, 1000))')).error).toBeNull()
    s.dispose()
  })

  it("loading a file past the cap raises the library's own error (np.load names the array, a tensor loader the bytes)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stridescope-cap-'))
    const s = createAppSession()
    const st = JSON.stringify(join(dir, 't.safetensors'))
    const saved = await s.run(prelude + 'from safetensors.torch import save_file, load_file\n' +
      `np.save(${JSON.stringify(join(dir, 'a.npy'))}, np.zeros((1000, 1000)))\nsave_file({"w": torch.zeros(1000, 1000)}, ${st})`)
    expect(saved.error).toBeNull()
    await s.setMemoryCaps({ cpu: 2 * MiB, cuda: null })
    const np = await s.run(`a = np.load(${JSON.stringify(join(dir, 'a.npy'))})`)
    expect(np.error).toMatchObject({
      type: '_ArrayMemoryError',
      message: 'Unable to allocate 7.63 MiB for an array with shape (1000, 1000) and data type float64',
    })
    const pt = await s.run(`t = load_file(${st})`)
    expect(pt.error?.type).toBe('RuntimeError')
    expect(pt.error?.message).toMatch(/DefaultCPUAllocator: can't allocate memory: you tried to allocate 4000000 bytes\./)
    s.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('caps the simulated cuda device with torch.OutOfMemoryError in the caching allocator\'s words', async () => {
    const s = createAppSession({ simulateCuda: true })
    const w = await s.run(prelude + 'g = torch.ones(1000, device="cuda")')
    expect(w.error).toBeNull()
    expect(live(w.snapshot, 'cuda:0')).toBe(4000)
    await s.setMemoryCaps({ cpu: null, cuda: MiB })
    // 4,000,000 bytes: the caching allocator asks for a 20 MiB block (kLargeBuffer), and says so.
    // 4,000,000 bytes: the caching allocator asks for a 20 MiB block (kLargeBuffer), and says so.
    const r = await s.run('h = torch.zeros(1000, 1000, device="cuda")')
    expect(r.error?.type).toBe('OutOfMemoryError')
    expect(r.error!.message).toMatch(
      /^CUDA out of memory\. Tried to allocate 20\.00 MiB\. GPU 0 has a total capacity of [\d.]+ GiB of which [\d.]+ (GiB|MiB) is free\. 1024\.00 KiB allowed; Of the allocated memory 4\.00 KiB is allocated by PyTorch, and 0 bytes is reserved by PyTorch but unallocated\. If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation\. {2}See documentation for Memory Management {2}\(https:\/\/pytorch\.org\/docs\/stable\/notes\/cuda\.html#environment-variables\)$/)
    expect(r.error!.traceback).toMatch(/\ntorch\.OutOfMemoryError: CUDA out of memory\./)
    // A move to the device is refused the same way; torch.cuda.OutOfMemoryError is the same class.
    const moved = await s.run('big = torch.zeros(1000, 1000)\ntry:\n    big.cuda()\nexcept torch.cuda.OutOfMemoryError:\n    print("refused")')
    expect(moved.stdout).toBe('refused\n')
    expect(moved.snapshot.objects.flatMap((o) => o.names).sort()).toEqual(['big', 'g'])
    s.dispose()
  })
})

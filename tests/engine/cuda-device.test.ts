// The cuda device through the addon's device ops (native/binding/ops_device.cc over
// native/core/device_moves.h):
// status and the reason a real GPU is unavailable, the simulated device's moves
// with PyTorch's rules (self when nothing changes, pinned non_blocking results,
// the copy path in the report), and PyTorch's errors with their Python types.
// A missing addon or op fails here (npm install builds the engine).
import { afterAll, describe, expect, it } from 'vitest'
import { loadAddon } from '../../src/engine/load'
import type { NativeHandle } from '../../src/engine/native'

const NO_DRIVER =
  'Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx'

/** The Python type and message of what `fn` throws. */
function pyError(fn: () => unknown): { type: string; message: string } {
  try {
    fn()
  } catch (e) {
    return { type: (e as { pyType?: string }).pyType ?? 'JS', message: (e as Error).message }
  }
  throw new Error('expected an error')
}

describe('cuda device ops', () => {
  const a = loadAddon()
  const tensor = (n: number) => a.arange('tensor', 0, n, null, 'float32')
  const values = (h: NativeHandle) => Array.from(a.window(h, a.info(h).shape.map(() => 0), a.info(h).shape).values as ArrayLike<number>)
  afterAll(() => a.setSimulateCuda(false))

  it('without a GPU or simulation: unavailable, with a reason and PyTorch\'s error', (ctx) => {
    a.setSimulateCuda(false)
    const st = a.cudaStatus()
    if (st.available) {
      console.log(`[tests/engine/cuda-device] no-GPU check skipped: a real GPU answers here (${st.deviceNames.join(', ')})`)
      ctx.skip()
    }
    expect(st.deviceCount).toBe(0)
    expect(st.reason).not.toBe('')
    expect(pyError(() => a.cuda(tensor(3), null, false))).toEqual({ type: 'RuntimeError', message: NO_DRIVER })
    expect(a.isPinned(tensor(3))).toBe(false)
  })

  it('the simulated device is cuda:0, labelled simulated', () => {
    a.setSimulateCuda(true, true)
    const st = a.cudaStatus()
    expect(st.available).toBe(true)
    expect(st.deviceCount).toBe(1)
    expect(st.simulated).toBe(true)
    expect(st.deviceNames).toEqual(['Simulated CUDA device (host memory)'])
  })

  it('.cuda() copies into device memory and reports the transfer; .cuda() again is self', () => {
    a.setSimulateCuda(true, true)
    const t = a.view(tensor(6), [2, 3])
    const c = a.cuda(t, null, false)
    const rep = a.lastReport() // before any other op starts a new report
    expect(c).not.toBe(t)
    const info = a.info(c)
    expect(info.device).toBe('cuda:0')
    expect(info.storage.simulated).toBe(true)
    expect(info.strides).toEqual([3, 1])
    expect(rep).toMatchObject({ copied: true, bytes: 24, kernel: 'simulated memcpy H2D pageable', reason: 'device change' })
    expect(rep.transfer).toEqual({ from: 'cpu', to: 'cuda:0', pinned: false })
    expect(values(c)).toEqual(values(t))
    expect(a.cuda(c, null, false)).toBe(c)
    expect(a.cuda(c, '0', false)).toBe(c)
    expect(a.toDevice(c, 'cuda:0', false, false)).toBe(c)
    expect(a.toDevice(c, 'cuda', false, true)).not.toBe(c)
    expect(a.cpu(t)).toBe(t)
  })

  it('a transposed tensor keeps its strides; non_blocking to cpu is pinned', () => {
    a.setSimulateCuda(true, true)
    const tt = a.t(a.view(tensor(12), [3, 4]))
    const c = a.cuda(tt, null, false)
    expect(a.info(c).strides).toEqual([1, 4])
    expect(values(c)).toEqual(values(tt))
    const h = a.toDevice(c, 'cpu', true, false)
    expect(a.lastReport()).toMatchObject({
      kernel: 'simulated memcpy D2H pinned non_blocking',
      transfer: { from: 'cuda:0', to: 'cpu', pinned: true },
    })
    expect(a.isPinned(h)).toBe(true)
    expect(a.info(h).storage.pinned).toBe(true)
    expect(a.pinMemory(h)).toBe(h)
  })

  it('errors carry PyTorch\'s type and text', () => {
    a.setSimulateCuda(true, true)
    const t = tensor(2)
    expect(pyError(() => a.cuda(t, '1', false))).toMatchObject({ type: 'RuntimeError' })
    expect(pyError(() => a.cuda(t, 'cuda:1', false)).message).toMatch(/^CUDA error: invalid device ordinal\n/)
    expect(pyError(() => a.cuda(t, 'cpu', false))).toEqual({ type: 'RuntimeError', message: 'Invalid device, must be cuda device' })
    expect(pyError(() => a.toDevice(t, 'cuda:x', false, false))).toEqual({ type: 'RuntimeError', message: "Invalid device string: 'cuda:x'" })
    const c = a.cuda(t, null, false)
    expect(pyError(() => a.numpy(c, false))).toEqual({
      type: 'TypeError',
      message: "can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.",
    })
    expect(pyError(() => a.pinMemory(c))).toEqual({
      type: 'RuntimeError',
      message: "cannot pin 'torch.cuda.FloatTensor' only dense CPU tensors can be pinned",
    })
  })
})

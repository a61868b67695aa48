// Text forms of the small library objects that scripts print: np.dtype,
// ndarray.flags, torch.Size, torch.device, torch.dtype.

import type { ObjectFlags } from '../../engine/types'
import type { DTypeName } from './types'

/** repr(np.dtype('float64')) -> "dtype('float64')" (native byte order) */
export function numpyDtypeRepr(dtype: DTypeName): string {
  return `dtype('${dtype}')`
}

/** str(np.dtype(...)) and dtype.name */
export function numpyDtypeStr(dtype: DTypeName): string {
  return dtype
}

/** repr/str of ndarray.flags (NumPy's flagsobject): six lines, each ending in a newline. */
export function numpyFlagsRepr(flags: ObjectFlags): string {
  const py = (b: boolean): string => (b ? 'True' : 'False')
  return (
    `  C_CONTIGUOUS : ${py(flags.cContiguous)}\n` +
    `  F_CONTIGUOUS : ${py(flags.fContiguous)}\n` +
    `  OWNDATA : ${py(flags.ownsData)}\n` +
    `  WRITEABLE : ${py(flags.writeable)}\n` +
    `  ALIGNED : ${py(flags.aligned)}\n` +
    '  WRITEBACKIFCOPY : False\n'
  )
}

/** repr/str of torch.Size: 'torch.Size([2, 3])', 'torch.Size([])' */
export function torchSizeRepr(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`
}

/** repr(torch.device): "device(type='cuda', index=0)", "device(type='cpu')"; str() is the plain name. */
export function torchDeviceRepr(device: string): string {
  const m = /^([a-z_]+)(?::(\d+))?$/.exec(device)
  if (!m) throw new TypeError(`not a device string: '${device}'`)
  return m[2] === undefined ? `device(type='${m[1]}')` : `device(type='${m[1]}', index=${m[2]})`
}

/** str/repr of a torch.dtype: 'torch.float32', 'torch.bfloat16' */
export function torchDtypeStr(dtype: DTypeName): string {
  return `torch.${dtype}`
}

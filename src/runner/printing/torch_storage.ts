// repr()/str() of torch storages (t.untyped_storage(), t.storage()).
//
// NOTE (torch/storage.py, _StorageBase.__repr__ and TypedStorage.__str__,
// PyTorch 2.x): one element per line, each line led by a space, then
// '[torch.storage.UntypedStorage(device=cpu) of size N]' or
// '[torch.storage.TypedStorage(dtype=torch.float32, device=cpu) of size N]'.
// An untyped storage's elements are its bytes (0..255); a typed storage's are
// Python scalars, printed with str(): '1.0', '3', 'True', '(1+2j)'.

import { isComplexDtype, isIntegerDtype, toBigInt, toBool, toComplex, toNumber } from './numpy_formatters'
import { pyComplexRepr, pyFloatRepr } from './python_float_format'
import { torchDtypeStr } from './type_objects'
import type { DTypeName, ElementValue } from './types'

function storageText(items: readonly string[], info: string): string {
  return ' ' + items.join('\n ') + '\n' + info
}

/** repr(t.untyped_storage()): the bytes of the storage. */
export function formatTorchUntypedStorage(bytes: ArrayLike<number>, device = 'cpu'): string {
  const items = Array.from(bytes, (b) => String(b & 0xff))
  return storageText(items, `[torch.storage.UntypedStorage(device=${device}) of size ${bytes.length}]`)
}

/** str() of one Python scalar that a typed storage's element becomes. */
function pythonScalarStr(dtype: DTypeName, v: ElementValue): string {
  if (dtype === 'bool') return toBool(v) ? 'True' : 'False'
  if (isIntegerDtype(dtype)) return toBigInt(v).toString()
  if (isComplexDtype(dtype)) {
    const [re, im] = toComplex(v)
    return pyComplexRepr(re, im)
  }
  return pyFloatRepr(toNumber(v))
}

/** repr(t.storage()): the elements of the storage as Python scalars. */
export function formatTorchTypedStorage(dtype: DTypeName, values: readonly ElementValue[], device = 'cpu'): string {
  const items = values.map((v) => pythonScalarStr(dtype, v))
  return storageText(items, `[torch.storage.TypedStorage(dtype=${torchDtypeStr(dtype)}, device=${device}) of size ${values.length}]`)
}

// EngineObject: one live NumPy ndarray or PyTorch tensor in the engine. Method
// names follow the Python method of the same name; where NumPy and PyTorch give
// one name different meanings (transpose, flatten, view, ...), the object's kind
// decides, exactly as the library would.
import { loadAddon } from './load'
import type { NativeHandle, NativeIndexItem, Operand } from './native'
import type {
  BinaryOp, UnaryOp, ReduceOp, DTypeName, IndexItem, MemoryFormat, ObjectInfo, Order, PyScalar, ValueWindow,
} from './types'

export type OperandLike = EngineObject | PyScalar

export function toOperand(x: OperandLike): Operand {
  return x instanceof EngineObject ? x.handle : x
}

/** A subscript item: basic ones, or an integer/boolean array or tensor (advanced indexing). */
export type EngineIndexItem = IndexItem | { kind: 'array'; array: EngineObject }

/** Index items as the addon takes them (arrays as handles). */
function nativeItems(items: EngineIndexItem[]): NativeIndexItem[] {
  return items.map(i => (i.kind === 'array' ? { kind: 'array', array: i.array.handle } : i))
}

export class EngineObject {
  /** @internal the native Array; pass objects, not handles, outside src/engine. */
  readonly handle: NativeHandle

  constructor(handle: NativeHandle) {
    this.handle = handle
  }

  private wrap(h: NativeHandle): EngineObject {
    // Ops that return their input (contiguous(), as_tensor(t), ...) get the same handle back.
    return h === this.handle ? this : new EngineObject(h)
  }

  // ---- inspection -------------------------------------------------------
  /** Shape, strides, offset, flags, storage: everything the UI and runner print. */
  info(): ObjectInfo { return loadAddon().info(this.handle) }
  /** Copies out the values of `a[start0:start0+shape0, ...]` (C order), clipped to the bounds. */
  window(start: number[], shape: number[]): ValueWindow { return loadAddon().window(this.handle, start, shape) }
  /** `.item()`: the single element (errors if numel != 1). */
  item(): PyScalar { return loadAddon().item(this.handle) }
  /** `is_contiguous(memory_format=...)`; 'F' asks NumPy's F_CONTIGUOUS flag. */
  isContiguous(format: MemoryFormat | 'F' = 'contiguous_format'): boolean {
    return loadAddon().isContiguous(this.handle, format)
  }
  // ---- gathers that go with indexing (always new objects, except masked_fill_) ----
  /** torch index_select(dim, index): a new contiguous tensor. */
  indexSelect(dim: number, index: EngineObject): EngineObject { return this.wrap(loadAddon().indexFn('index_select', this.handle, dim, index.handle)) }
  /** torch masked_select(mask): the elements where the broadcast mask is True. */
  maskedSelect(mask: EngineObject): EngineObject { return this.wrap(loadAddon().indexFn('masked_select', this.handle, mask.handle)) }
  /** torch masked_fill(mask, value) / masked_fill_ (inPlace: writes this tensor and returns it). */
  maskedFill(mask: EngineObject, value: PyScalar, inPlace: boolean): EngineObject {
    return this.wrap(loadAddon().indexFn(inPlace ? 'masked_fill_' : 'masked_fill', this.handle, mask.handle, value))
  }
  /** torch nonzero(): (n, ndim) int64. */
  nonzeroTensor(): EngineObject { return this.wrap(loadAddon().indexFn('nonzero', this.handle)) }
  /** np.take(a, indices, axis, mode): a new C-order array. */
  take(indices: EngineObject, axis: number | null, mode: 'raise' | 'wrap' | 'clip' = 'raise'): EngineObject {
    return this.wrap(loadAddon().indexFn('take', this.handle, indices.handle, axis, mode))
  }
  /** np.put(a, indices, values, mode): values (cycled) at the flat C-order positions, in place. */
  put(indices: EngineObject, values: OperandLike, mode: 'raise' | 'wrap' | 'clip' = 'raise'): void {
    loadAddon().indexFn('put', this.handle, indices.handle, toOperand(values), mode)
  }
  /** NumPy's .base as an engine object (null when this owns its data). */
  base(): EngineObject | null {
    const h = loadAddon().base(this.handle)
    return h === null ? null : new EngineObject(h)
  }
  /** Drops the engine reference now (the storage is freed when no view is left). */
  dispose(): void { loadAddon().release(this.handle) }
  /** `a.flags.writeable = on` (ndarrays): NumPy refuses True where the memory may not be written. */
  setWriteable(on: boolean): void { loadAddon().setWriteable(this.handle, on) }

  // ---- views (never copy) -------------------------------------------------
  /** `a[items]`: ints, slices, None, Ellipsis. */
  index(items: EngineIndexItem[]): EngineObject { return this.wrap(loadAddon().index(this.handle, nativeItems(items))) }
  /** ndarray: `a.transpose(*axes)` (no axes: reverse). tensor: `t.transpose(d0, d1)`. */
  transpose(...dims: number[]): EngineObject { return this.wrap(loadAddon().transpose(this.handle, dims)) }
  /** tensor `permute(dims)` / `np.transpose(a, axes)`. */
  permute(dims: number[]): EngineObject { return this.wrap(loadAddon().permute(this.handle, dims)) }
  swapaxes(a: number, b: number): EngineObject { return this.wrap(loadAddon().swapaxes(this.handle, a, b)) }
  /** `.T` (tensor: warns when ndim is not 0 or 2, see lastReport().warnings). */
  get T(): EngineObject { return this.wrap(loadAddon().T(this.handle)) }
  /** `.mT` (tensor) / `.mT` (NumPy 2 ndarray). */
  get mT(): EngineObject { return this.wrap(loadAddon().mT(this.handle)) }
  /** tensor `.t()`. */
  t(): EngineObject { return this.wrap(loadAddon().t(this.handle)) }
  /** tensor `.expand(*sizes)` (-1 keeps a size). */
  expand(sizes: number[]): EngineObject { return this.wrap(loadAddon().expand(this.handle, sizes)) }
  /** `np.broadcast_to(a, shape)` / `torch.broadcast_to(t, shape)`. */
  broadcastTo(shape: number[]): EngineObject { return this.wrap(loadAddon().broadcastTo(this.handle, shape)) }
  /** tensor `.view(*shape)` (computeStride rule; -1 inferred). */
  view(shape: number[]): EngineObject { return this.wrap(loadAddon().view(this.handle, shape)) }
  /** `a.view(np.int16)` / `t.view(torch.int16)`: reinterpret the bytes. */
  viewDtype(dtype: DTypeName): EngineObject { return this.wrap(loadAddon().viewDtype(this.handle, dtype)) }
  /** `reshape`: a view when the strides allow, else a C-order copy (see lastReport().copied). */
  reshape(shape: number[], order: 'C' | 'F' = 'C'): EngineObject {
    return this.wrap(loadAddon().reshape(this.handle, shape, order))
  }
  /** `squeeze()` / `squeeze(dim)` / `np.squeeze(a, axis=(...))`. */
  squeeze(dims: number[] | null = null): EngineObject { return this.wrap(loadAddon().squeeze(this.handle, dims)) }
  unsqueeze(dim: number): EngineObject { return this.wrap(loadAddon().unsqueeze(this.handle, dim)) }
  /** `np.expand_dims(a, axis)`. */
  expandDims(axes: number[]): EngineObject { return this.wrap(loadAddon().expandDims(this.handle, axes)) }
  narrow(dim: number, start: number, length: number): EngineObject {
    return this.wrap(loadAddon().narrow(this.handle, dim, start, length))
  }
  /** `diagonal(offset, dim1, dim2)` (NumPy: axis1/axis2; a read-only view). */
  diagonal(offset = 0, dim1 = 0, dim2 = 1): EngineObject {
    return this.wrap(loadAddon().diagonal(this.handle, offset, dim1, dim2))
  }
  /** tensor `.unfold(dimension, size, step)`. */
  unfold(dim: number, size: number, step: number): EngineObject {
    return this.wrap(loadAddon().unfold(this.handle, dim, size, step))
  }
  /** `.real` / `.imag`: a view of a complex object's parts (see native/core/view_ops.h for the rest). */
  complexPart(imag: boolean): EngineObject { return this.wrap(loadAddon().complexPart(this.handle, imag)) }
  /** `torch.view_as_real(t)`: a trailing dimension of the two components. */
  viewAsReal(): EngineObject { return this.wrap(loadAddon().viewAsReal(this.handle)) }
  /** `torch.view_as_complex(t)`: the trailing dimension of 2 read as complex numbers. */
  viewAsComplex(): EngineObject { return this.wrap(loadAddon().viewAsComplex(this.handle)) }
  /** `np.lib.stride_tricks.sliding_window_view(a, window_shape, axis)` (read-only view). */
  slidingWindowView(windowShape: number[], axes: number[] | null = null): EngineObject {
    return this.wrap(loadAddon().slidingWindowView(this.handle, windowShape, axes))
  }
  /** tensor `as_strided(size, stride, storage_offset)` (element units, offset defaults to
   * storage_offset()); ndarray `as_strided(shape, strides)` (bytes). Always bounds-checked. */
  asStrided(size: number[], stride: number[], offset: number | null = null): EngineObject {
    return this.wrap(loadAddon().asStrided(this.handle, size, stride, offset))
  }
  /** A dry run of asStrided: throws the error it would raise (as an EngineError), makes no view. */
  checkAsStrided(size: number[], stride: number[], offset: number | null = null): void {
    loadAddon().checkAsStrided(this.handle, size, stride, offset)
  }
  /** `np.flip` (a view) / `torch.flip` (a copy). null: every axis (NumPy only). */
  flip(dims: number[] | null = null): EngineObject { return this.wrap(loadAddon().flip(this.handle, dims)) }

  // ---- copies ---------------------------------------------------------------
  clone(format: MemoryFormat = 'preserve_format'): EngineObject {
    return this.wrap(loadAddon().clone(this.handle, format))
  }
  /** Returns this same object when already contiguous in `format`. */
  contiguous(format: MemoryFormat = 'contiguous_format'): EngineObject {
    return this.wrap(loadAddon().contiguous(this.handle, format))
  }
  /** ndarray `.copy(order='C')`; use order 'K' for `np.copy(a)`. */
  copy(order: Order = 'C'): EngineObject { return this.wrap(loadAddon().copy(this.handle, order)) }
  /** ndarray `.astype(dtype, order='K', copy=True)`. */
  astype(dtype: DTypeName, order: Order = 'K', copy = true): EngineObject {
    return this.wrap(loadAddon().astype(this.handle, dtype, order, copy))
  }
  /** `a.astype('>f8')`: a copy stored big- ('>') or little-endian ('<'); info().byteOrder shows it. */
  astypeByteOrder(dtype: DTypeName, byteOrder: '<' | '>' | '='): EngineObject {
    return this.wrap(loadAddon().astypeByteOrder(this.handle, dtype, byteOrder))
  }
  /** `a.view(a.dtype.newbyteorder(order))`: the same bytes read in another byte order. */
  viewByteOrder(byteOrder: '<' | '>' | '='): EngineObject {
    return this.wrap(loadAddon().viewByteOrder(this.handle, byteOrder))
  }
  /** tensor `.to(dtype, copy=False)` (returns this when nothing changes). */
  to(dtype: DTypeName, copy = false): EngineObject { return this.wrap(loadAddon().toDtype(this.handle, dtype, copy)) }
  /** `ravel(order)`: a view when possible (ndarray) / `torch.ravel`. */
  ravel(order: Order = 'C'): EngineObject { return this.wrap(loadAddon().ravel(this.handle, order)) }
  /** ndarray `.flatten(order)` (always copies) / tensor `.flatten(start_dim, end_dim)` (reshape rules). */
  flatten(opts: { order?: Order; startDim?: number; endDim?: number } = {}): EngineObject {
    return this.wrap(loadAddon().flatten(this.handle, opts.order ?? 'C', opts.startDim ?? 0, opts.endDim ?? -1))
  }

  // ---- bridge (methods of the object) -------------------------------------
  /** tensor `.numpy(force=False)`: shares memory unless `force` had to copy. */
  numpy(force = false): EngineObject { return this.wrap(loadAddon().numpy(this.handle, force)) }

  // ---- devices (PyTorch rules, semantics.md §G) ---------------------------------
  /** `t.to(device, non_blocking, copy)`: returns this when nothing changes. */
  toDevice(device: string, nonBlocking = false, copy = false): EngineObject {
    return this.wrap(loadAddon().toDevice(this.handle, device, nonBlocking, copy))
  }
  /** `t.cuda(device=None, non_blocking=False)`. */
  cuda(device: string | null = null, nonBlocking = false): EngineObject {
    return this.wrap(loadAddon().cuda(this.handle, device, nonBlocking))
  }
  /** `t.cpu()`: returns this when already on the cpu. */
  cpu(): EngineObject { return this.wrap(loadAddon().cpu(this.handle)) }
  pinMemory(): EngineObject { return this.wrap(loadAddon().pinMemory(this.handle)) }
  isPinned(): boolean { return loadAddon().isPinned(this.handle) }

  // ---- writes ---------------------------------------------------------------
  /** `a[items] = value` (broadcasting; read-only arrays raise NumPy's ValueError). */
  setItem(items: EngineIndexItem[], value: OperandLike): void {
    loadAddon().setitem(this.handle, nativeItems(items), toOperand(value))
  }
  /** ndarray `.fill(v)` / tensor `.fill_(v)`. */
  fill(value: PyScalar): void { loadAddon().fill(this.handle, value) }
  /** tensor `.zero_()`. */
  zero_(): void { loadAddon().fill(this.handle, 0n) }
  /** `a += b` / `t.add_(b)` / `t.mul_(b)` ... visible through every alias; result dtype stays. */
  inplace(op: BinaryOp, other: OperandLike): void { loadAddon().inplace(this.handle, op, toOperand(other)) }
  /** `t.copy_(src)`: src broadcast and cast into this tensor (PyTorch's overlap rules apply). */
  copy_(src: EngineObject): this { loadAddon().copy_(this.handle, src.handle); return this }
  add_(other: OperandLike): this { this.inplace('add', other); return this }
  sub_(other: OperandLike): this { this.inplace('sub', other); return this }
  mul_(other: OperandLike): this { this.inplace('mul', other); return this }
  div_(other: OperandLike): this { this.inplace('div', other); return this }

  /** `t.requires_grad_(flag)`: floating/complex tensors only; returns this tensor. */
  requiresGrad_(flag = true): this { loadAddon().requiresGrad_(this.handle, flag); return this }
  /** `t.detach()`: a new tensor over the same memory without autograd history. */
  detach(): EngineObject { return new EngineObject(loadAddon().detach(this.handle)) }
  /** `t.conj()`: a view with PyTorch's conjugate bit flipped; this same object when not complex. */
  conj(): EngineObject { return this.wrap(loadAddon().conj(this.handle)) }
  /** `t.resolve_conj()`: a copy with conjugated values and the bit cleared; this same object when the bit is clear. */
  resolveConj(): EngineObject { return this.wrap(loadAddon().resolveConj(this.handle)) }
  /** `t.conj_physical()`: a copy holding the conjugated values; this same object when not complex. */
  conjPhysical(): EngineObject { return this.wrap(loadAddon().conjPhysical(this.handle)) }
  /** `a.conj()` (ufunc false: this same object when not complex) / `np.conjugate(a)` (always a new array). */
  npConj(ufunc: boolean): EngineObject { return this.wrap(loadAddon().npConj(this.handle, ufunc)) }

  // ---- arithmetic and reductions -------------------------------------------
  /** `self <op> other` with broadcasting and NumPy 2 (NEP 50) / torch promotion. */
  binary(op: BinaryOp, other: OperandLike): EngineObject {
    return new EngineObject(loadAddon().binary(op, this.handle, toOperand(other)))
  }
  /** `other <op> self` (for `2 - a`, `1 / t`). */
  rbinary(op: BinaryOp, other: PyScalar): EngineObject {
    return new EngineObject(loadAddon().binary(op, other, this.handle))
  }
  /** `sum(dim/axis, keepdim/keepdims, dtype)`; dims null: over everything (a 0-d result). */
  sum(dims: number[] | null = null, keepdim = false, dtype: DTypeName | null = null): EngineObject {
    return new EngineObject(loadAddon().reduce(this.handle, 'sum', dims, keepdim, dtype))
  }
  mean(dims: number[] | null = null, keepdim = false, dtype: DTypeName | null = null): EngineObject {
    return new EngineObject(loadAddon().reduce(this.handle, 'mean', dims, keepdim, dtype))
  }
  /** Any reduction by name (argmin/argmax take at most one dim; ddof is var/std's). */
  reduce(op: ReduceOp, dims: number[] | null = null, keepdim = false, dtype: DTypeName | null = null, ddof = 0): EngineObject {
    return new EngineObject(loadAddon().reduce(this.handle, op, dims, keepdim, dtype, ddof))
  }
  /** `cumsum` / `cumprod` along `axis` (null: NumPy's flattened form). */
  scan(op: 'cumsum' | 'cumprod', axis: number | null, dtype: DTypeName | null = null): EngineObject {
    return new EngineObject(loadAddon().scan(this.handle, op, axis, dtype))
  }
  /** An elementwise function of this object (np.sqrt(a), -t, abs(a), ~m, ...). */
  unary(op: UnaryOp): EngineObject { return new EngineObject(loadAddon().unary(op, this.handle)) }
}

// Why an operation cost what it did, in words for the operation log. The engine says
// why it copied or allocated (OpReport.reason); a view copies nothing, and its row says
// what it changed instead: the same buffer seen through new shape, strides or offset.
const VIEW_WHY: Record<string, string> = {
  index: 'indexing: new offset and strides, same buffer',
  narrow: 'narrow: new offset and shape, same buffer',
  transpose: 'transpose: strides swapped',
  swapaxes: 'swapaxes: strides swapped',
  T: 'transpose: strides swapped',
  mT: 'transpose: last two strides swapped',
  t: 'transpose: strides swapped',
  permute: 'permute: strides reordered',
  expand: 'expand: stride 0 repeats elements',
  broadcastTo: 'broadcast: stride 0 repeats elements',
  view: 'view: new shape over the same buffer',
  viewDtype: 'view: the same bytes read as another dtype',
  viewByteOrder: 'view: the same bytes read in another byte order',
  reshape: 'reshape: strides allow a view, no copy',
  ravel: 'ravel: already contiguous, no copy',
  squeeze: 'squeeze: size-1 dimensions dropped',
  unsqueeze: 'unsqueeze: a size-1 dimension added',
  expandDims: 'expand_dims: a size-1 dimension added',
  diagonal: 'diagonal: stride is the sum of two strides',
  unfold: 'unfold: overlapping windows over the same buffer',
  slidingWindowView: 'sliding_window_view: overlapping windows over the same buffer',
  asStrided: 'as_strided: the given shape, strides and offset',
  flip: 'flip: negative strides',
  fromNumpy: "from_numpy: shares the array's buffer",
  numpy: "numpy(): shares the tensor's buffer",
  asTensor: 'as_tensor: shares the buffer',
  torchAsarray: 'asarray: shares the buffer',
  npAsarray: 'asarray: shares the buffer',
  fromDlpack: 'from_dlpack: shares the buffer',
  toDlpack: 'to_dlpack: shares the buffer',
  detach: 'detach: shares the buffer, no autograd history',
  conj: 'conj: a lazy flag, same buffer',
  resolveConj: 'already resolved, same buffer',
  contiguous: 'already contiguous, no copy',
  ascontiguousarray: 'already contiguous, no copy',
  asfortranarray: 'already Fortran-ordered, no copy',
  toDtype: 'dtype and device already match, no copy',
  toDevice: 'already on that device, no copy',
  cuda: 'already on that device, no copy',
  cpu: 'already on that device, no copy',
  requiresGrad_: 'sets a flag, no bytes moved',
  setitem: 'writes into the existing buffer',
  fill: 'writes into the existing buffer',
  inplace: 'writes into the existing buffer',
  viewOfStorage: 'a view onto the loaded buffer'
}

/** The reason a row shows: the engine's, else what a view changed. */
export function opWhy(op: string, copied: boolean, reason: string | undefined): string {
  if (reason) return reason
  if (copied) return 'bytes copied'
  return VIEW_WHY[op] ?? 'no bytes copied, same buffer'
}

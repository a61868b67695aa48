"""The real memory layout of a NumPy array or PyTorch tensor, as plain data.

Everything is read from the object itself (shape, strides, data pointer, the
owning buffer), never recomputed: the point is to show what the program really
has. Values travel as a bounded rectangular window (the leading block of the
array, C order) encoded as little-endian float64, so the app draws them without
parsing text.
"""
import base64
import sys

DEFAULT_WINDOW_CAP = 65536

# dtype names the app draws values for; other dtypes (structured, strings,
# objects) are sent with their layout only.
_NUMERIC = {
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "bfloat16", "float32", "float64", "complex64", "complex128",
}


class NotAnArray(TypeError):
    """The object is neither a NumPy ndarray nor a PyTorch tensor."""


def is_numpy_array(obj):
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(obj, numpy.ndarray)


def is_torch_tensor(obj):
    torch = sys.modules.get("torch")
    return torch is not None and isinstance(obj, torch.Tensor)


def describe(obj, name, cap=DEFAULT_WINDOW_CAP):
    """The layout (and a value window of at most `cap` elements) of `obj`."""
    if is_torch_tensor(obj):
        return _describe_tensor(obj, name, cap)
    if is_numpy_array(obj):
        return _describe_ndarray(obj, name, cap)
    raise NotAnArray(
        f"stridescope.show() takes NumPy arrays and PyTorch tensors, not {type(obj).__module__}.{type(obj).__qualname__}"
    )


def window_shape(shape, cap):
    """The leading block of `shape` holding at most `cap` elements.

    Trailing dims are kept whole while they fit; the first dim that does not
    fit keeps as many indices as fit, and the dims before it keep one.
    """
    block = [int(n) for n in shape]
    inner = 1
    for d in range(len(block) - 1, -1, -1):
        if inner * block[d] <= cap:
            inner *= block[d]
            continue
        block[d] = max(cap // inner, 1) if cap > 0 else 0
        for lead in range(d):
            block[lead] = min(block[lead], 1)
        break
    return block


def contiguity(shape, byte_strides, itemsize):
    """(C-contiguous, F-contiguous) by NumPy's rule: dims of size 1 do not count."""
    if any(n == 0 for n in shape):
        return True, True

    def dense(order):
        expected = itemsize
        for d in order:
            if shape[d] != 1 and byte_strides[d] != expected:
                return False
            expected *= shape[d]
        return True

    dims = range(len(shape))
    return dense(reversed(dims)), dense(dims)


def _encode_f64(values_f64_bytes):
    return base64.b64encode(values_f64_bytes).decode("ascii")


def _flags(c, f, writeable, owns, aligned):
    return {"cContiguous": bool(c), "fContiguous": bool(f), "writeable": bool(writeable),
            "ownsData": bool(owns), "aligned": bool(aligned)}


# ---- NumPy ----

def _numpy_owner(arr):
    """Follows .base to the object that owns the memory.

    Returns ("ndarray", the last array in the chain) or ("tensor", a torch
    tensor that NumPy's array views, as Tensor.numpy() makes) or ("other", the
    last array) when the chain ends at bytes, mmap, or another buffer.
    """
    last = arr
    base = arr.base
    while base is not None:
        if is_torch_tensor(base):
            return "tensor", base
        if not is_numpy_array(base):
            return "other", last
        last = base
        base = base.base
    return "ndarray", last


def _byte_bounds(arr):
    import numpy as np
    try:
        from numpy.lib.array_utils import byte_bounds  # NumPy 2.x
    except ImportError:  # NumPy 1.x
        byte_bounds = np.byte_bounds
    return byte_bounds(arr)


def _describe_ndarray(arr, name, cap):
    import numpy as np
    data_ptr = arr.__array_interface__["data"][0]
    owner_kind, owner = _numpy_owner(arr)
    if owner_kind == "tensor":
        buf_ptr, buf_nbytes = _tensor_storage(owner)
        buffer_kind = "torch storage"
    else:
        lo, hi = _byte_bounds(owner)
        buf_ptr, buf_nbytes = lo, hi - lo
        buffer_kind = "ndarray" if owner_kind == "ndarray" and owner.flags.owndata else "external buffer"
    dtype_name = arr.dtype.name if arr.dtype.isbuiltin and arr.dtype.byteorder in ("=", "|", "<") else None
    if dtype_name not in _NUMERIC:
        dtype_name = None
    info = {
        "name": name,
        "kind": "ndarray",
        "dtype": dtype_name,
        "dtypeText": str(arr.dtype) if arr.dtype.names is None else repr(arr.dtype.descr),
        "itemsize": int(arr.itemsize),
        "shape": [int(n) for n in arr.shape],
        "byteStrides": [int(s) for s in arr.strides],
        "byteOffset": int(data_ptr - buf_ptr),
        "dataPtr": str(data_ptr),
        "buffer": {"ptr": str(buf_ptr), "nbytes": int(buf_nbytes), "kind": buffer_kind},
        "device": "cpu",
        "flags": _flags(arr.flags.c_contiguous, arr.flags.f_contiguous, arr.flags.writeable,
                        arr.flags.owndata, arr.flags.aligned),
        "requiresGrad": False,
    }
    info["window"] = _numpy_window(arr, cap) if dtype_name is not None else None
    return info


def _numpy_window(arr, cap):
    import numpy as np
    block = window_shape(arr.shape, cap)
    view = arr[tuple(slice(0, n) for n in block)]
    if np.iscomplexobj(view):
        flat = np.empty(view.shape + (2,), dtype="<f8")
        flat[..., 0] = view.real
        flat[..., 1] = view.imag
    else:
        flat = np.ascontiguousarray(view, dtype="<f8")
    return {"shape": [int(n) for n in block], "complex": bool(np.iscomplexobj(view)),
            "f64": _encode_f64(flat.tobytes())}


# ---- PyTorch ----

def _tensor_storage(t):
    """(pointer, nbytes) of the storage a tensor views (PyTorch 1.x and 2.x)."""
    if hasattr(t, "untyped_storage"):
        s = t.untyped_storage()
        return int(s.data_ptr()), int(s.nbytes())
    s = t.storage()
    return int(s.data_ptr()), int(s.nbytes())


def _describe_tensor(t, name, cap):
    import torch
    if t.layout != torch.strided:
        raise NotAnArray(f"stridescope.show() takes strided tensors; this one has layout {t.layout}")
    if t.device.type == "meta":
        raise NotAnArray("stridescope.show() cannot show a tensor on the meta device: it has no memory")
    dtype_name = str(t.dtype).replace("torch.", "")
    itemsize = t.element_size()
    buf_ptr, buf_nbytes = _tensor_storage(t)
    data_ptr = int(t.data_ptr())
    byte_strides = [int(s) * itemsize for s in t.stride()]
    c, f = contiguity(list(t.shape), byte_strides, itemsize)
    info = {
        "name": name,
        "kind": "tensor",
        "dtype": dtype_name if dtype_name in _NUMERIC else None,
        "dtypeText": str(t.dtype),
        "itemsize": int(itemsize),
        "shape": [int(n) for n in t.shape],
        "byteStrides": byte_strides,
        "byteOffset": int(data_ptr - buf_ptr),
        "dataPtr": str(data_ptr),
        "buffer": {"ptr": str(buf_ptr), "nbytes": int(buf_nbytes), "kind": "torch storage"},
        "device": str(t.device) if t.device.type != "cuda" else f"cuda:{t.device.index or 0}",
        "flags": _flags(c, f, True, t._base is None, True),
        "requiresGrad": bool(t.requires_grad),
        "channelsLast": t.dim() == 4 and t.is_contiguous(memory_format=torch.channels_last),
    }
    info["window"] = _tensor_window(t, cap) if info["dtype"] is not None else None
    return info


def _tensor_window(t, cap):
    import torch
    block = window_shape(list(t.shape), cap)
    with torch.no_grad():
        view = t.detach()[tuple(slice(0, n) for n in block)]
        if view.is_complex():
            flat = torch.view_as_real(view.resolve_conj().to("cpu", torch.complex128))
        else:
            flat = view.to("cpu", torch.float64)
        data = flat.contiguous().numpy().astype("<f8", copy=False).tobytes() if _has_numpy() else \
            _tensor_bytes_without_numpy(flat.contiguous())
    return {"shape": [int(n) for n in block], "complex": bool(view.is_complex()), "f64": _encode_f64(data)}


def _has_numpy():
    try:
        import numpy  # noqa: F401
        return True
    except ImportError:
        return False


def _tensor_bytes_without_numpy(t):
    import struct
    values = t.reshape(-1).tolist()
    return struct.pack(f"<{len(values)}d", *values)

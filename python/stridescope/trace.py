"""Which PyTorch operations copied: a TorchDispatchMode that records every op.

Each op is classified from what really happened to memory, not from its name:
- in-place: the schema says the op writes its first argument (add_, mul_, ...);
  copy_ is counted as a copy (it writes another tensor's values into self);
- view: every output lives in a storage one of the inputs lives in;
- copy: a new storage holding an input's values (clone, _to_copy, ...), which is
  where `.contiguous()`, a copying `.reshape`, `torch.tensor(ndarray)` and
  `.cpu()`/`.to()` show up at this level;
- allocation: any other new storage (zeros, empty, the result of add, ...).
"""
import linecache
import os
import sys
import time

from . import connection

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))

# Ops whose new output holds an input's values (the rest that allocate are allocations).
COPY_OPS = {
    "clone", "_to_copy", "copy", "_copy_from", "_copy_from_and_resize", "contiguous", "to",
    "lift_fresh_copy", "_reshape_copy", "resolve_conj", "resolve_neg", "_conj_physical", "conj_physical",
}

WHY = {
    "view": "outputs share an input's storage",
    "in-place": "writes into its input's storage",
    "copy": "new storage holding the input's values",
    "allocation": "new storage for the result",
}


def _storage_key(t):
    """(device, storage pointer) of a tensor, or None for tensors without memory."""
    try:
        s = t.untyped_storage() if hasattr(t, "untyped_storage") else t.storage()
        return (str(t.device), int(s.data_ptr()))
    except Exception:
        return None


def _nbytes(t):
    return int(t.numel()) * int(t.element_size())


def _tensors(tree):
    import torch
    from torch.utils._pytree import tree_flatten
    leaves, _ = tree_flatten(tree)
    return [x for x in leaves if isinstance(x, torch.Tensor)]


def _user_frame():
    """The innermost frame outside torch and this package: the user's line."""
    torch_dir = os.path.dirname(sys.modules["torch"].__file__)
    frame = sys._getframe(2)
    while frame is not None:
        path = os.path.abspath(frame.f_code.co_filename)
        if not path.startswith(torch_dir) and not path.startswith(_PACKAGE_DIR) and "importlib" not in path:
            return frame
        frame = frame.f_back
    return None


def classify(func, in_tensors, out_tensors):
    """('view' | 'copy' | 'allocation' | 'in-place', bytes moved or written)."""
    name = func.overloadpacket.__name__ if hasattr(func, "overloadpacket") else str(func)
    args = getattr(func, "_schema", None)
    first = args.arguments[0] if args is not None and args.arguments else None
    writes_self = first is not None and first.alias_info is not None and first.alias_info.is_write
    if writes_self:
        target = in_tensors[0] if in_tensors else None
        nbytes = _nbytes(target) if target is not None else 0
        return ("copy" if name == "copy_" else "in-place"), nbytes
    inputs = {_storage_key(t) for t in in_tensors}
    outs = [t for t in out_tensors]
    if outs and all(_storage_key(t) in inputs for t in outs):
        return "view", 0
    fresh = [t for t in outs if _storage_key(t) not in inputs]
    nbytes = sum(_nbytes(t) for t in fresh)
    return ("copy" if name in COPY_OPS else "allocation"), nbytes


class Trace:
    """Records every PyTorch operation run inside `with stridescope.trace():`."""

    def __init__(self, send=True):
        self.records = []
        self._send = send
        self._mode = None

    def __enter__(self):
        import torch  # noqa: F401  (trace needs PyTorch)
        from torch.utils._python_dispatch import TorchDispatchMode

        records = self.records

        class _Recorder(TorchDispatchMode):
            def __torch_dispatch__(self, func, types, args=(), kwargs=None):
                kwargs = kwargs or {}
                start = time.perf_counter()
                out = func(*args, **kwargs)
                seconds = time.perf_counter() - start
                try:
                    records.append(_record(func, args, kwargs, out, seconds))
                except Exception:  # a record must never break the user's program
                    pass
                return out

        self._mode = _Recorder()
        self._mode.__enter__()
        return self

    def __exit__(self, *exc):
        self._mode.__exit__(*exc)
        self._mode = None
        if self._send:
            _deliver(self.records)
        return False

    def table(self):
        return format_table(self.records)


def _record(func, args, kwargs, out, seconds):
    in_tensors = _tensors((args, kwargs))
    out_tensors = _tensors(out)
    kind, nbytes = classify(func, in_tensors, out_tensors)
    frame = _user_frame()
    where = {}
    if frame is not None:
        where = {"file": frame.f_code.co_filename, "lineNo": frame.f_lineno,
                 "line": linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()}
    name = str(func.overloadpacket) if hasattr(func, "overloadpacket") else str(func)
    return {
        "op": name,
        "kind": kind,
        "why": WHY[kind],
        "bytes": nbytes,
        "seconds": seconds,
        "time": time.time() * 1000.0,
        "inputs": [_key_text(t) for t in in_tensors],
        "outputs": [_key_text(t) for t in out_tensors],
        "devices": sorted({str(t.device) for t in in_tensors + out_tensors}),
        **where,
    }


def _key_text(t):
    key = _storage_key(t)
    return f"{key[0]}@{key[1]:#x}" if key else "?"


_unsent = []


def _deliver(records):
    if not records:
        return
    if connection.find_app() is None:
        if not _unsent:
            import atexit
            atexit.register(_print_unsent)
        _unsent.extend(records)
        return
    from . import process_info
    connection.sender().submit(("ops", id(records)), {"version": 1, "process": process_info(), "objects": [],
                                                        "ops": records})


def _print_unsent():
    sys.stderr.write("stridescope: no app was running; the traced PyTorch operations:\n")
    sys.stderr.write(format_table(_unsent) + "\n")


def _bytes_text(n):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024.0


def format_table(records):
    rows = [("kind", "op", "bytes", "time", "where")]
    for r in records:
        where = f"{os.path.basename(r.get('file', '?'))}:{r.get('lineNo', '?')}  {r.get('line', '')}"
        rows.append((r["kind"], r["op"], _bytes_text(r["bytes"]), f"{r['seconds'] * 1e6:.1f} µs", where))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(row)) for row in rows]
    copies = [r for r in records if r["kind"] == "copy"]
    lines.append(f"{len(records)} operations, {len(copies)} copies "
                 f"({_bytes_text(sum(r['bytes'] for r in copies))} copied)")
    return "\n".join(lines)

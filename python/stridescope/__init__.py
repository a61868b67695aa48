"""Send the NumPy arrays and PyTorch tensors of your own program to Stridescope.

    import stridescope
    stridescope.show(x, y)            # their real layout, sharing and values
    stridescope.show_locals()         # every array/tensor in the calling scope
    with stridescope.trace():         # which PyTorch ops copied, allocated, viewed
        y = x.permute(0, 2, 3, 1).contiguous()

Nothing here raises into your program: with no app running you get one warning
line, and values are sent from a background thread.
"""
import os
import sys
import warnings

from . import connection
from .describe import DEFAULT_WINDOW_CAP, NotAnArray, describe, is_numpy_array, is_torch_tensor
from .trace import Trace

__all__ = ["show", "show_locals", "trace", "set_window_cap", "flush"]
__version__ = "0.1.0"

_window_cap = DEFAULT_WINDOW_CAP


class StridescopeWarning(UserWarning):
    """Something could not be shown; the program goes on."""


def set_window_cap(elements):
    """Most values sent per object (default 65,536); 0 sends layouts only."""
    global _window_cap
    if not isinstance(elements, int) or elements < 0:
        raise ValueError("set_window_cap() takes a non-negative number of elements")
    _window_cap = elements


def process_info():
    program = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "python"
    return {"pid": os.getpid(), "program": program or "python"}


def _names_in(frame, obj):
    names = [k for k, v in frame.f_locals.items() if v is obj and not k.startswith("_")]
    if not names and frame.f_globals is not frame.f_locals:
        names = [k for k, v in frame.f_globals.items() if v is obj and not k.startswith("_")]
    return sorted(names)


def _send(pairs):
    objects = []
    for name, obj in pairs:
        try:
            objects.append(describe(obj, name, _window_cap))
        except NotAnArray as e:
            warnings.warn(str(e), StridescopeWarning, stacklevel=3)
        except Exception as e:  # never break the user's program
            warnings.warn(f"could not describe {name!r}: {type(e).__name__}: {e}", StridescopeWarning, stacklevel=3)
    info = process_info()
    for o in objects:
        connection.sender().submit(("object", o["name"]), {"version": 1, "process": info, "objects": [o], "ops": []})


def show(*objects, name=None):
    """Sends each array/tensor's layout to the app, named as in the caller's code."""
    if name is not None and len(objects) != 1:
        raise TypeError("show(name=...) names exactly one object")
    frame = sys._getframe(1)
    pairs = []
    for i, obj in enumerate(objects):
        if name is not None:
            label = str(name)
        else:
            found = _names_in(frame, obj)
            label = found[0] if len(found) == 1 else (" = ".join(found) if found else f"arg{i}")
        pairs.append((label, obj))
    _send(pairs)


def show_locals():
    """Sends every NumPy array and PyTorch tensor bound to a name in the calling scope."""
    frame = sys._getframe(1)
    pairs = [(k, v) for k, v in frame.f_locals.items()
             if not k.startswith("_") and (is_numpy_array(v) or is_torch_tensor(v))]
    _send(pairs)


def trace(send=True):
    """`with stridescope.trace():` records every PyTorch op run inside, with what it did to memory."""
    return Trace(send=send)


def flush(timeout=3.0):
    """Waits until everything sent so far reached the app (or failed)."""
    connection.sender().flush(timeout)

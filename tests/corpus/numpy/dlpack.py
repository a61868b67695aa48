# DLPack within NumPy: np.from_dlpack shares memory; a read-only array's export.
import numpy as np
a = np.arange(4.0)
b = np.from_dlpack(a)
b[0] = 42
print(a, np.shares_memory(a, b), a.__dlpack_device__(), b.flags.writeable)
c = np.from_dlpack(a[::2])
print(c, c.strides)

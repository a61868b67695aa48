# An uncaught NumPy error ends the program with its traceback line.
import numpy as np
a = np.arange(6)
print(a.reshape(3, 2))
a.reshape(4, 4)

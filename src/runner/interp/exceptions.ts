// Python's exception hierarchy (the part snippets meet) and the JS carrier that unwinds
// the interpreter. Engine errors (JS Error with `pyType`) are mapped onto these classes.
import { PyClass, PyExcInstance, PyTuple, type PyValue, type Kwargs } from './values'
import { setKeyboardInterrupt } from './interrupt'

const classes = new Map<string, PyClass>()

function def(name: string, base: PyClass | null): PyClass {
  const cls: PyClass = new PyClass(name, base, 'builtins', (args: PyValue[], kwargs: Kwargs) => {
    if (kwargs.size) throw pyErr('TypeError', `${name}() takes no keyword arguments`)
    return new PyExcInstance(cls, args)
  })
  classes.set(name, cls)
  return cls
}

const BaseException = def('BaseException', null)
def('SystemExit', BaseException)
def('KeyboardInterrupt', BaseException)
const Exception = def('Exception', BaseException)
def('StopIteration', Exception)
const ArithmeticError = def('ArithmeticError', Exception)
def('ZeroDivisionError', ArithmeticError)
def('OverflowError', ArithmeticError)
def('FloatingPointError', ArithmeticError)
def('AssertionError', Exception)
def('AttributeError', Exception)
def('BufferError', Exception)
def('ModuleNotFoundError', def('ImportError', Exception))
const LookupError = def('LookupError', Exception)
def('IndexError', LookupError)
def('KeyError', LookupError)
def('MemoryError', Exception)
def('EOFError', Exception)
const OSError = def('OSError', Exception)
def('FileNotFoundError', OSError)
def('IsADirectoryError', OSError)
def('PermissionError', OSError)
const NameError = def('NameError', Exception)
def('UnboundLocalError', NameError)
const RuntimeError = def('RuntimeError', Exception)
def('NotImplementedError', RuntimeError)
def('RecursionError', RuntimeError)
def('TypeError', Exception)
def('SystemError', Exception)
const ValueError = def('ValueError', Exception)
def('UnicodeError', ValueError)
def('SyntaxError', Exception)
// numpy.exceptions.AxisError is both a ValueError and an IndexError.
const AxisError = new PyClass('AxisError', ValueError, 'numpy.exceptions', (args: PyValue[]) => new PyExcInstance(AxisError, args))
AxisError.mixins.push(classes.get('IndexError')!)
classes.set('AxisError', AxisError)
// numpy.exceptions.TooHardError: np.shares_memory past its max_work.
const TooHardError = new PyClass('TooHardError', RuntimeError, 'numpy.exceptions', (args: PyValue[]) => new PyExcInstance(TooHardError, args))
classes.set('TooHardError', TooHardError)
// NumPy's ufunc type errors are TypeErrors that print with their module.
const UFuncTypeError = new PyClass('UFuncTypeError', classes.get('TypeError')!, 'numpy._core._exceptions', (args: PyValue[]) => new PyExcInstance(UFuncTypeError, args))
classes.set('UFuncTypeError', UFuncTypeError)
// NumPy names the private casting subclasses UFuncTypeError too (__name__); tracebacks print their __qualname__.
const UFuncCastingError = new PyClass('UFuncTypeError', UFuncTypeError, 'numpy._core._exceptions', (args: PyValue[]) => new PyExcInstance(UFuncCastingError, args))
const UFuncOutputCastingError = new PyClass('UFuncTypeError', UFuncCastingError, 'numpy._core._exceptions', (args: PyValue[]) => new PyExcInstance(UFuncOutputCastingError, args))
Object.defineProperty(UFuncOutputCastingError, 'qualName', { get: () => 'numpy._core._exceptions._UFuncOutputCastingError' })
classes.set('_UFuncOutputCastingError', UFuncOutputCastingError)
// NumPy's failed allocation: a MemoryError that prints with its module.
const ArrayMemoryError = new PyClass('_ArrayMemoryError', classes.get('MemoryError')!, 'numpy._core._exceptions', (args: PyValue[]) => new PyExcInstance(ArrayMemoryError, args))
classes.set('_ArrayMemoryError', ArrayMemoryError)
// torch.OutOfMemoryError (torch.cuda.OutOfMemoryError is the same class): the CUDA allocator's, a RuntimeError.
const OutOfMemoryError = new PyClass('OutOfMemoryError', RuntimeError, 'torch', (args: PyValue[]) => new PyExcInstance(OutOfMemoryError, args))
classes.set('OutOfMemoryError', OutOfMemoryError)
const Warning = def('Warning', Exception)
def('UserWarning', Warning)
def('DeprecationWarning', Warning)
const RuntimeWarning = def('RuntimeWarning', Warning)
// NumPy's warning for a cast from complex to a real type (numpy.exceptions.ComplexWarning).
const ComplexWarning = new PyClass('ComplexWarning', RuntimeWarning, 'numpy.exceptions', (args: PyValue[]) => new PyExcInstance(ComplexWarning, args))
classes.set('ComplexWarning', ComplexWarning)
def('FutureWarning', Warning)
def('PendingDeprecationWarning', Warning)
def('SyntaxWarning', Warning)
def('ResourceWarning', Warning)
def('ImportWarning', Warning)
def('BytesWarning', Warning)
def('UnicodeWarning', Warning)
def('EncodingWarning', Warning)

export const EXCEPTION_CLASSES: ReadonlyMap<string, PyClass> = classes
export const BASE_EXCEPTION = BaseException
export const EXCEPTION = Exception

export function excClass(name: string): PyClass {
  const c = classes.get(name)
  if (!c) throw new Error(`unknown exception class ${name}`)
  return c
}

/** The JS error that carries a Python exception through the interpreter. */
export class PyException extends Error {
  constructor(readonly exc: PyExcInstance) {
    super(`${exc.cls.name}: ${excMessage(exc)}`)
  }
}

export function pyErr(type: string, message: string): PyException {
  return new PyException(new PyExcInstance(excClass(type), [message]))
}

/** str(e): the single argument, or the repr of the args tuple. Needs a repr for non-strings. */
let reprHook: (v: PyValue) => string = v => String(v)
export function setExcReprHook(fn: (v: PyValue) => string): void { reprHook = fn }

export function excMessage(e: PyExcInstance): string {
  if (e.args.length === 0) return ''
  if (e.args.length === 1) {
    const a = e.args[0]
    // KeyError's str is the repr of its key.
    if (e.cls.name === 'KeyError') return reprHook(a)
    return typeof a === 'string' ? a : reprHook(a)
  }
  return reprHook(new PyTuple(e.args))
}

// What a stop request raises (./interrupt): KeyboardInterrupt() with no arguments, as CPython's.
setKeyboardInterrupt(() => new PyException(new PyExcInstance(excClass('KeyboardInterrupt'), [])))

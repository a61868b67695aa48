// Errors the engine raises carry the Python exception type the real library
// would raise, and the library's exact message. The binding turns them into JS
// errors whose `pyType` is that name; the runner turns those into Python exceptions.
#pragma once
#include <stdexcept>
#include <string>

namespace ss {

enum class PyExc {
  RuntimeError,
  ValueError,
  TypeError,
  IndexError,
  BufferError,
  AssertionError,
  NotImplementedError,
  MemoryError,
  OverflowError,
  AxisError,  // numpy.exceptions.AxisError
  ZeroDivisionError,
  AttributeError,
  KeyboardInterrupt,  // the run was stopped (core/cancel.h)
  UFuncTypeError,            // numpy._core._exceptions.UFuncTypeError (a TypeError)
  UFuncOutputCastingError,   // numpy._core._exceptions._UFuncOutputCastingError (a UFuncTypeError)
  ArrayMemoryError,          // numpy._core._exceptions._ArrayMemoryError (a MemoryError)
  OutOfMemoryError,          // torch.OutOfMemoryError (a RuntimeError): "CUDA out of memory. ..."
};

const char* py_exc_name(PyExc type);

class PyError : public std::runtime_error {
 public:
  PyError(PyExc type, const std::string& message) : std::runtime_error(message), type_(type) {}
  PyExc type() const { return type_; }

 private:
  PyExc type_;
};

[[noreturn]] inline void raise(PyExc type, const std::string& message) { throw PyError(type, message); }

}  // namespace ss

#include "errors.h"

namespace ss {

const char* py_exc_name(PyExc type) {
  switch (type) {
    case PyExc::RuntimeError: return "RuntimeError";
    case PyExc::ValueError: return "ValueError";
    case PyExc::TypeError: return "TypeError";
    case PyExc::IndexError: return "IndexError";
    case PyExc::BufferError: return "BufferError";
    case PyExc::AssertionError: return "AssertionError";
    case PyExc::NotImplementedError: return "NotImplementedError";
    case PyExc::MemoryError: return "MemoryError";
    case PyExc::OverflowError: return "OverflowError";
    case PyExc::AxisError: return "AxisError";
    case PyExc::ZeroDivisionError: return "ZeroDivisionError";
    case PyExc::AttributeError: return "AttributeError";
    case PyExc::KeyboardInterrupt: return "KeyboardInterrupt";
    case PyExc::UFuncTypeError: return "UFuncTypeError";
    case PyExc::UFuncOutputCastingError: return "_UFuncOutputCastingError";
    case PyExc::ArrayMemoryError: return "_ArrayMemoryError";
    case PyExc::OutOfMemoryError: return "OutOfMemoryError";
  }
  return "RuntimeError";
}

}  // namespace ss

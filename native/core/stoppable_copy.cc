#include "stoppable_copy.h"

#include "cancel.h"
#include "errors.h"

namespace ss {

cpu::CopyReport stoppable_strided_copy(void* dst, const std::int64_t* dst_strides, const void* src,
                                       const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                                       std::size_t itemsize) {
  cpu::CopyOptions opt;
  opt.stop = cancel_flag();
  const cpu::CopyReport r = cpu::strided_copy(dst, dst_strides, src, src_strides, sizes, ndim, itemsize, opt);
  if (r.stopped) {
    check_cancel();  // KeyboardInterrupt, consuming a Stop request
    raise(PyExc::KeyboardInterrupt, "");  // the flag was cleared in between: the copy still did not finish
  }
  return r;
}

cpu::CopyReport stoppable_memcpy(void* dst, const void* src, std::size_t n) {
  const std::int64_t size = static_cast<std::int64_t>(n), stride = 1;
  return stoppable_strided_copy(dst, &stride, src, &stride, &size, 1, 1);
}

}  // namespace ss

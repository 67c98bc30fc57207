/*
 * EdgeForge's stand-in for ruy's profiler header, used only when a TensorFlow Lite Micro checkout lacks its ruy
 * download. TFLM's reference kernels include this header for ruy::profiler::ScopeLabel, which ruy itself compiles
 * to nothing unless RUY_PROFILER is defined (and TFLM never defines it); this header is that no-profiler form.
 */
#ifndef EDGEFORGE_TFLM_RUY_PROFILER_INSTRUMENTATION_H_
#define EDGEFORGE_TFLM_RUY_PROFILER_INSTRUMENTATION_H_

namespace ruy {
namespace profiler {

class ScopeLabel {
 public:
  template <typename... Args>
  explicit ScopeLabel(Args...) {}
};

}  // namespace profiler
}  // namespace ruy

#endif  // EDGEFORGE_TFLM_RUY_PROFILER_INSTRUMENTATION_H_

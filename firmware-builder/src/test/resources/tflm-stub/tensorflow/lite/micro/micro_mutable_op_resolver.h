/* Stub for syntax checks (see tflm-stub/README.md). */
#ifndef EF_STUB_MICRO_MUTABLE_OP_RESOLVER_H_
#define EF_STUB_MICRO_MUTABLE_OP_RESOLVER_H_

#include "tensorflow/lite/micro/micro_interpreter.h"

namespace tflite {

class MicroOpResolver {
 public:
  virtual ~MicroOpResolver() = default;
};

template <unsigned int tOpCount>
class MicroMutableOpResolver : public MicroOpResolver {
 public:
  TfLiteStatus AddAdd();
  TfLiteStatus AddAveragePool2D();
  TfLiteStatus AddConv2D();
  TfLiteStatus AddDepthwiseConv2D();
  TfLiteStatus AddDequantize();
  TfLiteStatus AddFullyConnected();
  TfLiteStatus AddMaxPool2D();
  TfLiteStatus AddQuantize();
  TfLiteStatus AddReshape();
  TfLiteStatus AddSoftmax();
};

}  // namespace tflite

#endif

/* Stub for syntax checks (see tflm-stub/README.md). */
#ifndef EF_STUB_MICRO_INTERPRETER_H_
#define EF_STUB_MICRO_INTERPRETER_H_

#include <cstddef>
#include <cstdint>

#include "tensorflow/lite/schema/schema_generated.h"

typedef enum { kTfLiteOk = 0, kTfLiteError = 1 } TfLiteStatus;

typedef struct {
  float scale;
  int32_t zero_point;
} TfLiteQuantizationParams;

typedef union {
  int32_t *i32;
  float *f;
  int8_t *int8;
  uint8_t *uint8;
} TfLitePtrUnion;

typedef struct {
  TfLitePtrUnion data;
  TfLiteQuantizationParams params;
  size_t bytes;
} TfLiteTensor;

namespace tflite {

class MicroOpResolver;

class MicroInterpreter {
 public:
  MicroInterpreter(const Model *model, const MicroOpResolver &op_resolver, uint8_t *tensor_arena,
                   size_t tensor_arena_size);
  TfLiteStatus AllocateTensors();
  TfLiteStatus Invoke();
  TfLiteTensor *input(size_t index);
  TfLiteTensor *output(size_t index);
  size_t arena_used_bytes() const;
};

}  // namespace tflite

#endif

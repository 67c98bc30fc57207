/* Stub for syntax checks (see tflm-stub/README.md). */
#ifndef EF_STUB_SCHEMA_GENERATED_H_
#define EF_STUB_SCHEMA_GENERATED_H_

#include <cstdint>

#define TFLITE_SCHEMA_VERSION (3)

namespace tflite {

struct Model {
  uint32_t version() const;
};

const Model *GetModel(const void *buffer);

}  // namespace tflite

#endif

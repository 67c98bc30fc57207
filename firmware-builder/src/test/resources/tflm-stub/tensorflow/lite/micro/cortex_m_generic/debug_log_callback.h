/* Stub for syntax checks (see tflm-stub/README.md). */
#ifndef EF_STUB_DEBUG_LOG_CALLBACK_H_
#define EF_STUB_DEBUG_LOG_CALLBACK_H_

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*DebugLogCallback)(const char *s);
void RegisterDebugLogCallback(DebugLogCallback callback);

#ifdef __cplusplus
}
#endif

#endif

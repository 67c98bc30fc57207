/*
 * EdgeForge status codes, returned by every kernel and by the generated model API.
 * Portable C99; no dependency besides <stdint.h>.
 */
#ifndef EF_STATUS_H
#define EF_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EF_OK = 0,
    /* A params struct or pointer the generator should never have produced (null data, zero dims). */
    EF_ERROR_INVALID_ARGUMENT = 1,
    /* AVERAGE_POOL_2D found a window with no input element inside the image (TFLM fails the same way). */
    EF_ERROR_EMPTY_POOL_WINDOW = 2,
    /* The input given to the model does not have the size the model expects. */
    EF_ERROR_INPUT_SIZE = 3,
    /* The requested feature is not part of this build (for example a command the firmware lacks). */
    EF_ERROR_UNSUPPORTED = 4,
    /* The buffer given for the model's outputs does not have the size the model produces. */
    EF_ERROR_OUTPUT_SIZE = 5
} ef_status;

/* A stable lower-case name for a status, for log lines and the serial protocol. */
static inline const char *ef_status_name(ef_status status)
{
    switch (status) {
        case EF_OK:
            return "ok";
        case EF_ERROR_INVALID_ARGUMENT:
            return "invalid-argument";
        case EF_ERROR_EMPTY_POOL_WINDOW:
            return "empty-pool-window";
        case EF_ERROR_INPUT_SIZE:
            return "input-size";
        case EF_ERROR_UNSUPPORTED:
            return "unsupported";
        case EF_ERROR_OUTPUT_SIZE:
            return "output-size";
    }
    return "unknown";
}

#ifdef __cplusplus
}
#endif

#endif /* EF_STATUS_H */

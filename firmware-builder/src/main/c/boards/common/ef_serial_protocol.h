/*
 * The EdgeForge serial line protocol, device side (specified in boards/PROTOCOL.md). A firmware image
 * describes its model with an ef_protocol_model and hands control to ef_protocol_serve.
 */
#ifndef EF_SERIAL_PROTOCOL_H
#define EF_SERIAL_PROTOCOL_H

#include <stdint.h>
#include "ef/ef_status.h"

typedef struct {
    const char *name;     /* model name for the banner and `info` (any text; sent percent-encoded) */
    int8_t *input;        /* the model's int8 input tensor; `run` writes here */
    int32_t input_size;   /* bytes */
    const int8_t *output; /* the model's int8 output tensor, valid after invoke */
    int32_t output_size;  /* bytes */
    ef_status (*invoke)(void *context);
    void *context;
    /* Optional, for images with an impulse (zero/NULL otherwise): the `window` command decodes a raw window's
     * bytes into `window` and calls `classify`, which runs the DSP block and the model, leaving the result in
     * `output`. */
    uint8_t *window;     /* raw window buffer */
    int32_t window_size; /* bytes */
    ef_status (*classify)(void *context);
    /* Optional (NULL otherwise), with `classify`: the DSP block alone (raw window to quantized input tensor). When
     * set, `window` runs `features` then `invoke` instead of `classify` and reports the DSP block's count apart
     * (`dsp=`), so the host can tell the DSP block's cost from the network's. */
    ef_status (*features)(void *context);
    /* Optional (NULL otherwise): the deepest the stack has been so far, in bytes, for `stack=` in the banner and
     * `info` (the image paints its free RAM at boot and looks for the first word the stack overwrote). */
    uint32_t (*stack_used)(void);
    /* Optional (NULL/zero otherwise), for anomaly images: `score <hex>` decodes float32 features (little-endian)
     * into `anomaly_features` and calls `anomaly_score`; `score-window <hex>` decodes a raw window into `window`,
     * runs `anomaly_window` (the DSP block: window to `anomaly_features`), then `anomaly_score`. Both answer
     * `score <float32 bits as 8 hex digits> <0|1> <unit>=<count>` (`dsp=` after it for `score-window`). */
    float *anomaly_features;
    int32_t anomaly_feature_count;
    ef_status (*anomaly_window)(void *context);
    ef_status (*anomaly_score)(void *context, float *score, int32_t *is_anomaly);
    /* Optional (zero otherwise): bytes of the tensor arena the runtime actually uses, for `arena=` in the banner
     * and `info` (TFLM's arena_used_bytes() after AllocateTensors(); EdgeForge's own images plan theirs at build
     * time). */
    uint32_t arena_used;
} ef_protocol_model;

/*
 * Prints the banner; if boot_input is not NULL copies it to the input tensor (unless it is the input tensor, already
 * filled), runs the model and prints the `boot` result line; prints `ready`; then answers commands until `quit`.
 * Returns the exit code (0 after `quit`).
 */
int ef_protocol_serve(const ef_protocol_model *model, const int8_t *boot_input);

/*
 * As ef_protocol_serve, but the `boot` result comes from a raw window: boot_window (window_size bytes) is copied
 * to the window buffer and classified (DSP block and model), as the `window` command does.
 */
int ef_protocol_serve_boot_window(const ef_protocol_model *model, const uint8_t *boot_window);

#endif /* EF_SERIAL_PROTOCOL_H */

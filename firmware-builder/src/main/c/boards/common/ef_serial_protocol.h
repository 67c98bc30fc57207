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
    /* Optional (NULL otherwise): the deepest the stack has been so far, in bytes, for `stack=` in the banner and
     * `info` (the image paints its free RAM at boot and looks for the first word the stack overwrote). */
    uint32_t (*stack_used)(void);
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

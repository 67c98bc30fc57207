/*
 * The contract between the generated model sources (model.c, written by the EdgeForge code generator for one
 * model) and the hand-written API in ef_model.c. Not part of the public API.
 */
#ifndef EF_MODEL_INTERNAL_H
#define EF_MODEL_INTERNAL_H

#include <stdint.h>
#include "ef/ef_model.h"
#include "quantize.h"
#include "dequantize.h"

/* The model's description, as ef_model_get_info returns it. */
extern const ef_model_info ef_model_generated_info;

/* QUANTIZE of features into the input tensor and DEQUANTIZE of the output tensor into scores, with the
 * tensors' scales and zero points. */
extern const ef_quantize_params ef_model_generated_input_quantize;
extern const ef_dequantize_params ef_model_generated_output_dequantize;

/* The int8 input and output tensors: fixed places in the arena, chosen by the memory planner. */
int8_t *ef_model_generated_input(void);
int8_t *ef_model_generated_output(void);

/* Zeroes the activation arena (when one is bound). */
void ef_model_generated_clear_arena(void);

/* Libraries generated with an application-owned arena (EF_MODEL_ARENA_STATIC 0) run on `arena`
 * (EF_MODEL_ARENA_SIZE bytes); libraries with a built-in arena answer EF_ERROR_UNSUPPORTED. */
ef_status ef_model_generated_bind_arena(int8_t *arena);

/* Runs every operator in order: straight-line calls of the kernels on arena offsets; EF_ERROR_INVALID_ARGUMENT
 * when no arena is bound. */
ef_status ef_model_generated_invoke(void);

/* Computes the features of one raw window with the DSP block and quantizes them into the input tensor;
 * EF_ERROR_UNSUPPORTED when the library has no impulse. */
ef_status ef_model_generated_window_to_input(const ef_model_window_t *window);

#endif /* EF_MODEL_INTERNAL_H */

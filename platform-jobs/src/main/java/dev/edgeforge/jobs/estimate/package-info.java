/**
 * What a model will cost on each board before anything is built: RAM (activation arena, DSP buffers, the raw
 * window, the runtime), flash (weights, the compiled model's code and parameters, the kernels, the DSP block, the
 * runtime), latency (the DSP block and the network apart: network instructions operator by operator, calibrated per
 * operator kind against QEMU's counts, the core's cycles per instruction and the board's clock) and energy (the MCU's
 * datasheet Run-mode current × voltage × time). {@link dev.edgeforge.jobs.estimate.DeploymentEstimator}
 * states its model and where every constant comes from; {@code GET /api/v1/projects/{p}/models/{m}/estimates}
 * serves it, and the deployment's real memory report and instruction counts replace it once an image is built.
 */
package dev.edgeforge.jobs.estimate;

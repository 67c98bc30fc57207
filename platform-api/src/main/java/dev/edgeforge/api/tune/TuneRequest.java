package dev.edgeforge.api.tune;

/**
 * A tune request.
 *
 * @param target        a board id of {@code /api/v1/targets}
 * @param maxLatencyMs  DSP plus network time per window, ms; omitted: any
 * @param maxRamBytes   RAM a candidate may use; omitted: the board's RAM
 * @param maxFlashBytes flash a candidate may use; omitted: the board's flash
 * @param budgetMinutes how long the search may run
 * @param objective     {@code accuracy} (default) or {@code latency}
 * @param seed          the search's seed; omitted: 42
 */
record TuneRequest(
        String target,
        Double maxLatencyMs,
        Long maxRamBytes,
        Long maxFlashBytes,
        Double budgetMinutes,
        String objective,
        Long seed) {}

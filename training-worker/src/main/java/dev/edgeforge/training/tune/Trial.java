package dev.edgeforge.training.tune;

/**
 * A candidate after one rung of training: its validation accuracy and its costs on the board.
 *
 * @param spec       the candidate
 * @param rung       the successive-halving rung, from 0
 * @param epochs     epochs trained in total
 * @param accuracy   int8 top-1 accuracy on the validation split
 * @param latencyMs  estimated DSP plus network time per window
 * @param ramBytes   estimated RAM
 * @param flashBytes estimated flash
 * @param parameters the network's parameter count
 * @param state      what the trainer needs to go on training it (its weights); opaque here
 */
public record Trial(
        CandidateSpec spec,
        int rung,
        int epochs,
        double accuracy,
        double latencyMs,
        long ramBytes,
        long flashBytes,
        long parameters,
        Object state) {}

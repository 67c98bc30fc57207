package dev.edgeforge.core.impulse.suggest;

/**
 * What a suggested image impulse may use on the board it is made for (issue #20): the suggestion picks the largest
 * image whose raw frame and network activations fit {@code ramBytes} and whose weights fit {@code flashBytes}.
 *
 * @param boardName  shown in the reasons
 * @param ramBytes   RAM for the raw frame and the network's int8 activations (the board's RAM less the runtime's)
 * @param flashBytes flash for the network's int8 weights (the board's flash less code and runtime)
 */
public record DeviceBudget(String boardName, long ramBytes, long flashBytes) {}

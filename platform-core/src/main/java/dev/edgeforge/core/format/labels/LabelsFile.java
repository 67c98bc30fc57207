package dev.edgeforge.core.format.labels;

/** One of the two Edge Impulse labels sidecar files. */
public sealed interface LabelsFile permits InfoLabels, BoundingBoxLabels {}

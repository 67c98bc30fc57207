/**
 * Anomaly models (K-means, Gaussian mixture) on the device: their tables and scoring library generated as C from the
 * stored model ({@link dev.edgeforge.firmware.anomaly.AnomalyLibraryGenerator}), with the impulse's DSP block, linked
 * into a firmware image for a board ({@link dev.edgeforge.firmware.anomaly.AnomalyFirmwareBuilder}).
 */
package dev.edgeforge.firmware.anomaly;

/**
 * WAV audio: {@link dev.edgeforge.core.format.wav.WavReader} (integer PCM 8/16/24/32-bit, float 32/64-bit,
 * extensible headers, any channels and rate; values on the int16 scale like Edge Impulse) and
 * {@link dev.edgeforge.core.format.wav.WavWriter} (16-bit PCM and 32-bit float).
 */
package dev.edgeforge.core.format.wav;

package dev.edgeforge.core.format.wav;

import dev.edgeforge.core.sample.SampleData;

/**
 * A WAV file as read by {@link WavReader}.
 *
 * @param format what the {@code fmt } chunk said
 * @param data   one axis per channel, values on the 16-bit integer scale (see {@link WavReader})
 */
public record WavAudio(WavFormat format, SampleData data) {}

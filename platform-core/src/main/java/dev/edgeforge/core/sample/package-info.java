/**
 * The in-memory sample: {@link dev.edgeforge.core.sample.SampleData} (sensors, interval, values per axis, device,
 * image or audio details) and the pure operations on it: crop to a time range, split into fixed-length segments
 * ({@link dev.edgeforge.core.sample.SampleSplitter#fixedLength}) or into segments above an energy threshold
 * ({@link dev.edgeforge.core.sample.SampleSplitter#aboveEnergy}), duration, RMS and energy.
 *
 * <p>Time convention (the same as Edge Impulse's): sample {@code i} is at {@code i * intervalMs} milliseconds and a
 * sample of {@code n} values lasts {@code n * intervalMs} milliseconds. Every operation returns a new value; nothing
 * here mutates its input. Invalid values are refused with a {@link dev.edgeforge.core.sample.SampleDataViolation}.
 */
package dev.edgeforge.core.sample;

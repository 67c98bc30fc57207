/**
 * PNG and JPEG images: {@link dev.edgeforge.core.format.image.ImageReader} reads the header (size, channels) and
 * checks it against {@link dev.edgeforge.core.format.image.ImageLimits} before decoding, decodes with
 * {@code javax.imageio} to refuse corrupted files, and hands back the pixels when asked.
 */
package dev.edgeforge.core.format.image;

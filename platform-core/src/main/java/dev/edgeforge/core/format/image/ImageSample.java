package dev.edgeforge.core.format.image;

import dev.edgeforge.core.sample.ImageInfo;
import dev.edgeforge.core.sample.SampleData;
import java.util.Optional;

/**
 * An image read by {@link ImageReader}: fully decoded (so known not to be corrupt), with the pixels kept when asked.
 *
 * @param header what the file's header says
 * @param info   size and channels
 * @param pixels the decoded pixels, when {@code keepPixels} was asked for
 */
public record ImageSample(ImageHeader header, ImageInfo info, Optional<ImagePixels> pixels) {

    /** The image as a sample value: an {@code image} sensor, interval 0, no values. */
    public SampleData data() {
        return SampleData.image(info);
    }
}

package dev.edgeforge.core.format.image;

import dev.edgeforge.core.format.BoundedBytes;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.sample.ImageInfo;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG, BMP, GIF (first frame) and WebP images: detects the type by signature, reads the size and
 * channels from the header, checks them against {@link ImageLimits} <em>before</em> any pixel is allocated, then
 * decodes the whole image with {@code javax.imageio} so that a corrupted file is refused rather than stored. PNG
 * chunk CRCs and the final IEND are checked too; a JPEG the decoder reports as ending prematurely is refused.
 *
 * <p>Channels: gray, gray + alpha, RGB, RGBA; palette PNGs become RGB (RGBA with transparency); 16-bit images are
 * scaled to 8 bits in {@link ImagePixels}. JPEGs with 4 components (CMYK, YCCK) are converted to RGB by
 * TwelveMonkeys' JPEG reader ({@link ImageDecoders}). A JPEG's EXIF orientation is applied
 * ({@link ExifOrientation}): the pixels and the size are those of the upright photo.
 */
public final class ImageReader {

    private ImageReader() {}

    /**
     * The header only: type, size, channels, bit depth. Cheap; decodes nothing.
     *
     * @throws SampleFormatException when the bytes are not a PNG, JPEG, BMP, GIF or WebP or the header is damaged
     */
    public static ImageHeader probe(byte[] bytes) {
        return ImageHeaders.read(bytes);
    }

    /**
     * Reads a stream (not closed), buffering at most {@code maxBytes}.
     *
     * @throws SampleFormatException as {@link #read(byte[], ImageLimits, boolean)}, or {@code TOO_LARGE}
     */
    public static ImageSample read(InputStream in, long maxBytes, ImageLimits limits, boolean keepPixels) {
        return read(BoundedBytes.readAll(in, maxBytes), limits, keepPixels);
    }

    /**
     * Reads and fully decodes an image.
     *
     * @param keepPixels whether to return the decoded pixels (otherwise they are dropped after the integrity check)
     * @throws SampleFormatException {@code TOO_LARGE} when the header exceeds the limits, {@code MALFORMED} or
     *                               {@code UNSUPPORTED} when it cannot be decoded
     */
    public static ImageSample read(byte[] bytes, ImageLimits limits, boolean keepPixels) {
        ImageHeader header = ImageHeaders.read(bytes);
        if (header.width() > limits.maxSide()
                || header.height() > limits.maxSide()
                || header.pixelCount() > limits.maxPixels()) {
            throw new SampleFormatException(
                    SampleFormatException.Reason.TOO_LARGE,
                    "image of " + header.width()
                            + "x" + header.height() + " pixels exceeds the limit of " + limits.maxPixels()
                            + " pixels and "
                            + limits.maxSide() + " per side");
        }
        if (header.pixelCount() * 4 > Integer.MAX_VALUE - 8) {
            // whatever the configured limits, the decoded raster must fit one Java array
            throw new SampleFormatException(
                    SampleFormatException.Reason.TOO_LARGE,
                    "image of " + header.width() + "x" + header.height() + " pixels is too large to decode in memory");
        }
        BufferedImage image = decode(bytes, header);
        if (image.getWidth() != header.width() || image.getHeight() != header.height()) {
            throw SampleFormatException.malformed("decoded size " + image.getWidth() + "x" + image.getHeight()
                    + " differs from the header's " + header.width() + "x" + header.height());
        }
        if (header.type() != ImageType.PNG && header.type() != ImageType.JPEG) {
            // BMP, GIF, WebP: the channels are those the decoder produced (its header type may be a guess)
            header = new ImageHeader(
                    header.type(),
                    header.width(),
                    header.height(),
                    ImageDecoders.channels(image.getColorModel()),
                    header.bitDepth());
        }
        // photos are learnt and shown upright: the EXIF orientation a phone or camera wrote is applied (issue #20)
        int orientation = header.type() == ImageType.JPEG ? ExifOrientation.of(bytes) : ExifOrientation.UPRIGHT;
        boolean swap = ExifOrientation.swapsSides(orientation);
        ImageInfo info = new ImageInfo(
                swap ? header.height() : header.width(), swap ? header.width() : header.height(), header.channels());
        return new ImageSample(
                header,
                info,
                keepPixels
                        ? Optional.of(ExifOrientation.apply(pixels(image, header.channels()), orientation))
                        : Optional.empty());
    }

    private static BufferedImage decode(byte[] bytes, ImageHeader header) {
        boolean cmyk = header.type() == ImageType.JPEG && ImageHeaders.jpegComponents(bytes) == 4;
        // fully qualified: ImageIO's reader, not this class
        javax.imageio.ImageReader reader = ImageDecoders.create(header.type(), cmyk);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = ImageDecoders.input(bytes, header.type())) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            for (String warning : warnings) {
                String lower = warning.toLowerCase(Locale.ROOT);
                if (lower.contains("premature") || lower.contains("truncat")) {
                    throw SampleFormatException.malformed(header.type() + " is damaged: " + warning);
                }
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SampleFormatException sfe) {
                throw sfe;
            }
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw SampleFormatException.malformed(header.type() + " cannot be decoded: " + why, e);
        } finally {
            reader.dispose();
        }
    }

    private static ImagePixels pixels(BufferedImage image, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * channels];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int k = 0;
        if (cm instanceof IndexColorModel icm) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int index = raster.getSample(x, y, 0);
                    out[k++] = (byte) icm.getRed(index);
                    if (channels >= 3) {
                        out[k++] = (byte) icm.getGreen(index);
                        out[k++] = (byte) icm.getBlue(index);
                    }
                    if (channels == 2 || channels == 4) {
                        out[k++] = (byte) icm.getAlpha(index);
                    }
                }
            }
        } else if (channels <= 2) {
            // gray straight from the raster: getRGB would convert linear gray to sRGB and change the values
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < channels; c++) {
                        out[k++] = (byte) to8Bits(raster.getSample(x, y, c), cm.getComponentSize(c));
                    }
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = image.getRGB(x, y);
                    out[k++] = (byte) (argb >> 16);
                    out[k++] = (byte) (argb >> 8);
                    out[k++] = (byte) argb;
                    if (channels == 4) {
                        out[k++] = (byte) (argb >>> 24);
                    }
                }
            }
        }
        return new ImagePixels(w, h, channels, out);
    }

    private static int to8Bits(int value, int bits) {
        if (bits == 8) {
            return value;
        }
        long max = (1L << bits) - 1;
        return (int) Math.round(value * 255.0 / max);
    }
}

package dev.edgeforge.core.format.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.edgeforge.core.format.SampleFormatException;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Picks the {@code javax.imageio} decoder for each type, and reads BMP, GIF and WebP headers through it (their
 * {@code getWidth/getHeight} read the header only), so that their size is checked before any pixel is allocated.
 */
final class ImageDecoders {

    private static final String TWELVE_MONKEYS = "com.twelvemonkeys.";

    static {
        // ImageIO finds plugins through the context class loader of the thread that first uses it; in the packaged
        // server that may be one that does not see the application's jars (a pool thread), so TwelveMonkeys'
        // readers are registered here (registering a provider class again replaces the earlier instance)
        IIORegistry registry = IIORegistry.getDefaultInstance();
        registry.registerServiceProvider(new WebPImageReaderSpi(), ImageReaderSpi.class);
        registry.registerServiceProvider(new JPEGImageReaderSpi(), ImageReaderSpi.class);
    }

    private ImageDecoders() {}

    /**
     * A new decoder (the caller disposes it). JPEGs with 4 components (CMYK, YCCK) go to TwelveMonkeys' reader,
     * which converts them to RGB; every other JPEG stays with the JDK's reader, whose damage reports the integrity
     * check relies on.
     */
    // fully qualified: ImageIO's reader, not this package's ImageReader
    static javax.imageio.ImageReader create(ImageType type, boolean cmyk) {
        String format = switch (type) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            case BMP -> "bmp";
            case GIF -> "gif";
            case WEBP -> "webp";
        };
        Predicate<String> wanted = type == ImageType.JPEG
                ? name -> name.startsWith(TWELVE_MONKEYS) == cmyk
                : name -> type != ImageType.WEBP || name.startsWith(TWELVE_MONKEYS);
        // fully qualified: ImageIO's reader, not this package's ImageReader
        Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        while (readers.hasNext()) {
            // fully qualified: ImageIO's reader, not this package's ImageReader
            javax.imageio.ImageReader reader = readers.next();
            if (wanted.test(reader.getClass().getName())) {
                return reader;
            }
            reader.dispose();
        }
        throw new IllegalStateException("no " + format + (cmyk ? " (CMYK)" : "") + " decoder in this JVM");
    }

    /**
     * The stream a decoder reads the bytes from: in memory (ImageIO's default would spill to a temporary file),
     * strict about the end of the file for WebP ({@link StrictImageInput}).
     */
    static ImageInputStream input(byte[] bytes, ImageType type) {
        return type == ImageType.WEBP
                ? new StrictImageInput(bytes, type)
                : new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
    }

    /** The header of a BMP, GIF or WebP file: size of the first image and its channels, nothing decoded. */
    static ImageHeader header(byte[] bytes, ImageType type) {
        // fully qualified: ImageIO's reader, not this package's ImageReader
        javax.imageio.ImageReader reader = create(type, false);
        try (ImageInputStream in = input(bytes, type)) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw SampleFormatException.malformed(type + " size " + width + "x" + height + " is not valid");
            }
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            if (raw == null) {
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                raw = types.hasNext() ? types.next() : null;
            }
            int channels = raw == null ? 3 : channels(raw.getColorModel());
            return new ImageHeader(type, width, height, channels, 8);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SampleFormatException sfe) {
                throw sfe;
            }
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw SampleFormatException.malformed(
                    type.name().toUpperCase(Locale.ROOT) + " header cannot be read: " + why, e);
        } finally {
            reader.dispose();
        }
    }

    /** Channels a decoded image is kept with: gray (+ alpha) for one colour component, RGB (+ alpha) otherwise. */
    static int channels(ColorModel cm) {
        boolean gray = !(cm instanceof IndexColorModel) && cm.getNumColorComponents() == 1;
        return (gray ? 1 : 3) + (cm.hasAlpha() ? 1 : 0);
    }
}

package dev.edgeforge.core.format.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Issue #20: photos as cameras and phones make them. The resources were made on this machine with the JDK's ImageIO
 * ({@code images/README.md}): a 12×8 JPEG stored landscape (left 4 columns red, the rest blue) whose EXIF says
 * Orientation=6, and an 8×8 RGBA PNG whose right half is fully transparent black.
 */
class PhotoReadingTest {

    @Test
    void anOrientation6PhotoIsReadUpright() throws IOException {
        byte[] jpeg = resource("orientation-6.jpg");

        ImageSample sample = ImageReader.read(jpeg, ImageLimits.DEFAULT, true);

        assertThat(ExifOrientation.of(jpeg)).isEqualTo(6);
        // stored 12 wide and 8 high; upright it is 8 wide and 12 high
        assertThat(sample.header().width()).isEqualTo(12);
        assertThat(sample.info().width()).isEqualTo(8);
        assertThat(sample.info().height()).isEqualTo(12);
        ImagePixels pixels = sample.pixels().orElseThrow();
        assertThat(pixels.width()).isEqualTo(8);
        // rotated 90° clockwise, the stored left (red) columns become the top rows
        assertThat(pixels.get(4, 1, 0)).as("red at the top").isGreaterThan(200);
        assertThat(pixels.get(4, 1, 2)).isLessThan(60);
        assertThat(pixels.get(4, 10, 2)).as("blue at the bottom").isGreaterThan(200);
        assertThat(pixels.get(4, 10, 0)).isLessThan(60);
    }

    @Test
    void everyOrientationMapsTheStoredCornersWhereAViewerShowsThem() {
        // a 3×2 image whose pixels are their own index: 0 1 2 / 3 4 5
        ImagePixels stored = new ImagePixels(3, 2, 1, new byte[] {0, 1, 2, 3, 4, 5});

        assertThat(ExifOrientation.apply(stored, 1)).isSameAs(stored);
        assertThat(ExifOrientation.apply(stored, 2).bytes()).containsExactly(2, 1, 0, 5, 4, 3);
        assertThat(ExifOrientation.apply(stored, 3).bytes()).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(ExifOrientation.apply(stored, 4).bytes()).containsExactly(3, 4, 5, 0, 1, 2);
        assertThat(ExifOrientation.apply(stored, 5).bytes()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(ExifOrientation.apply(stored, 6).bytes()).containsExactly(3, 0, 4, 1, 5, 2);
        assertThat(ExifOrientation.apply(stored, 7).bytes()).containsExactly(5, 2, 4, 1, 3, 0);
        assertThat(ExifOrientation.apply(stored, 8).bytes()).containsExactly(2, 5, 1, 4, 0, 3);
        assertThat(ExifOrientation.apply(stored, 6).width()).isEqualTo(2);
    }

    @Test
    void aJpegWithoutExifOrADamagedOneIsUpright() {
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}))
                .isEqualTo(ExifOrientation.UPRIGHT);
        byte[] damaged = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 14, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I'
        };
        assertThat(ExifOrientation.of(damaged)).isEqualTo(ExifOrientation.UPRIGHT);
    }

    @Test
    void transparencyIsFlattenedOntoTheBackground() throws IOException {
        ImagePixels pixels = ImageReader.read(resource("transparent.png"), ImageLimits.DEFAULT, true)
                .pixels()
                .orElseThrow();

        RgbImage white = FeatureSource.toRgb(pixels);
        RgbImage gray = FeatureSource.toRgb(pixels, 0x808080);

        assertThat(pixels.channels()).isEqualTo(4);
        assertThat(white.pixels()[0]).as("opaque red stays red").isEqualTo(0xFF0000);
        // the transparent half's hidden colour is black: shown, it is the background
        assertThat(white.pixels()[7]).isEqualTo(0xFFFFFF);
        assertThat(gray.pixels()[7]).isEqualTo(0x808080);
        assertThat(gray.pixels()[0]).isEqualTo(0xFF0000);
    }

    @Test
    void bmpGifAndWebpAreRefusedNamingTheirFormat() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        byte[] webp = {
            'R',
            'I',
            'F',
            'F',
            26,
            0,
            0,
            0,
            'W',
            'E',
            'B',
            'P',
            'V',
            'P',
            '8',
            'L',
            13,
            0,
            0,
            0,
            0x2F,
            3,
            (byte) 0xC0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0
        };
        for (Map.Entry<String, byte[]> file : Map.of(
                        "photo.bmp", write(image, "bmp"), "photo.gif", write(image, "gif"), "photo.webp", webp)
                .entrySet()) {
            String format =
                    file.getKey().endsWith("bmp") ? "BMP" : file.getKey().endsWith("gif") ? "GIF" : "WebP";
            assertThatThrownBy(() -> SampleParsers.parse(file.getKey(), file.getValue(), SampleParseOptions.defaults()))
                    .isInstanceOf(SampleFormatException.class)
                    .satisfies(e -> assertThat(((SampleFormatException) e).reason())
                            .isEqualTo(SampleFormatException.Reason.UNSUPPORTED))
                    .hasMessageContaining("a " + format + " image, which EdgeForge does not read yet")
                    .hasMessageContaining("PNG or JPEG");
        }
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PhotoReadingTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        }
    }
}

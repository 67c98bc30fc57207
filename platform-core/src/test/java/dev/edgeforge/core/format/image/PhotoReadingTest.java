package dev.edgeforge.core.format.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.SampleFormat;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    void aBmpIsReadTopRowFirst() throws IOException {
        ParsedSample parsed = parse("photo.bmp");

        assertThat(parsed.format()).isEqualTo(SampleFormat.BMP);
        ImagePixels pixels = parsed.image().orElseThrow().pixels().orElseThrow();
        assertThat(pixels.width()).isEqualTo(6);
        assertThat(pixels.channels()).isEqualTo(3);
        // BMP stores rows bottom-up: the green row made last must come out as the bottom row
        assertThat(rgb(pixels, 0, 0)).isEqualTo(0xFF0000);
        assertThat(rgb(pixels, 5, 0)).isEqualTo(0x0000FF);
        assertThat(rgb(pixels, 2, 3)).isEqualTo(0x00FF00);
    }

    @Test
    void aGifIsItsFirstFrameWithItsTransparency() throws IOException {
        ParsedSample parsed = parse("animated.gif");

        assertThat(parsed.format()).isEqualTo(SampleFormat.GIF);
        ImagePixels pixels = parsed.image().orElseThrow().pixels().orElseThrow();
        assertThat(pixels.channels())
                .as("a transparent palette index gives alpha")
                .isEqualTo(4);
        RgbImage flat = FeatureSource.toRgb(pixels, 0x808080);
        // the first frame (left red, right transparent), not the second (all green)
        assertThat(flat.pixels()[0]).isEqualTo(0xFF0000);
        assertThat(flat.pixels()[5]).isEqualTo(0x808080);
    }

    @Test
    void aLosslessWebpWithAlphaIsReadExactly() throws IOException {
        ParsedSample parsed = parse("transparent.webp");

        assertThat(parsed.format()).isEqualTo(SampleFormat.WEBP);
        ImagePixels pixels = parsed.image().orElseThrow().pixels().orElseThrow();
        assertThat(pixels.width()).isEqualTo(6);
        assertThat(pixels.height()).isEqualTo(4);
        assertThat(pixels.channels()).isEqualTo(4);
        assertThat(pixels.get(0, 0, 0)).isEqualTo(255);
        assertThat(pixels.get(0, 0, 3)).isEqualTo(255);
        assertThat(pixels.get(5, 3, 3)).as("transparent").isZero();
        assertThat(FeatureSource.toRgb(pixels).pixels()[5]).isEqualTo(0xFFFFFF);
    }

    @Test
    void aLossyWebpIsRead() throws IOException {
        ImagePixels pixels = parse("lossy.webp").image().orElseThrow().pixels().orElseThrow();

        assertThat(pixels.width()).isEqualTo(8);
        assertThat(pixels.channels()).isEqualTo(3);
        assertThat(pixels.get(4, 4, 2)).as("blue").isGreaterThan(200);
        assertThat(pixels.get(4, 4, 0)).isLessThan(60);
    }

    @Test
    void aCmykJpegIsConvertedToRgb() throws IOException {
        ParsedSample parsed = parse("cmyk.jpg");

        ImageSample sample = parsed.image().orElseThrow();
        assertThat(parsed.format()).isEqualTo(SampleFormat.JPEG);
        assertThat(sample.info().channels()).isEqualTo(3);
        ImagePixels pixels = sample.pixels().orElseThrow();
        // left: C0 M255 Y255 K0, a red; right: C255 M255 Y0 K0, a blue (through a CMYK profile, not pure primaries)
        assertThat(pixels.get(1, 1, 0)).as("red").isGreaterThan(180);
        assertThat(pixels.get(1, 1, 1)).isLessThan(80);
        assertThat(pixels.get(1, 1, 2)).isLessThan(80);
        assertThat(pixels.get(6, 6, 2)).as("blue").isGreaterThan(100);
        assertThat(pixels.get(6, 6, 0)).isLessThan(120);
        assertThat(pixels.get(6, 6, 1)).isLessThan(80);
    }

    @Test
    void tiffHeicAndAvifAreRefusedNamingTheirFormat() {
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0};
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        byte[] avif = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f', 0, 0, 0, 0};
        for (Map.Entry<String, byte[]> file :
                Map.of("TIFF", tiff, "HEIC", heic, "AVIF", avif).entrySet()) {
            assertThatThrownBy(() -> SampleParsers.parse("photo", file.getValue(), SampleParseOptions.defaults()))
                    .isInstanceOf(SampleFormatException.class)
                    .satisfies(e -> assertThat(((SampleFormatException) e).reason())
                            .isEqualTo(SampleFormatException.Reason.UNSUPPORTED))
                    .hasMessageContaining("a " + file.getKey() + " image, which EdgeForge does not read yet")
                    .hasMessageContaining("PNG or JPEG");
        }
    }

    @Test
    void aBmpGifOrWebpDeclaringAHugeImageIsRefusedBeforeDecoding() throws IOException {
        ImageLimits limits = new ImageLimits(1_000_000, 4096);
        byte[] bmp = resource("photo.bmp");
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(18, 60_000).putInt(22, 60_000);
        byte[] gif = resource("animated.gif");
        ByteBuffer.wrap(gif)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort(6, (short) 60_000)
                .putShort(8, (short) 60_000);
        gif = withGifFrameSize(gif, 60_000);
        byte[] webp = resource("transparent.webp");
        // VP8L: 14 bits width - 1, 14 bits height - 1 after the 0x2F signature byte at offset 20
        int bits = 16383 | 16383 << 14 | (webp[24] & 0xF0) << 24;
        ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN).putInt(21, bits);
        for (Map.Entry<String, byte[]> file :
                Map.of("huge.bmp", bmp, "huge.gif", gif, "huge.webp", webp).entrySet()) {
            assertThatThrownBy(() -> SampleParsers.parse(
                            file.getKey(),
                            file.getValue(),
                            SampleParseOptions.defaults().withImageLimits(limits)))
                    .isInstanceOf(SampleFormatException.class)
                    .satisfies(e -> assertThat(((SampleFormatException) e).reason())
                            .as(file.getKey())
                            .isEqualTo(SampleFormatException.Reason.TOO_LARGE))
                    .hasMessageContaining("exceeds the limit");
        }
    }

    @Test
    void aGifWhoseExtensionIsThousandsOfTinyBlocksIsRefusedBeforeTheReaderCopiesThem() throws IOException {
        byte[] gif = resource("animated.gif");
        int blocks = 20_000;
        byte[] extension = new byte[3 + blocks * 4 + 1];
        extension[0] = 0x21; // extension introducer
        extension[1] = (byte) 0xFE; // comment
        for (int i = 0; i < blocks; i++) {
            extension[2 + i * 4] = 3; // a sub-block of 3 bytes
        }
        int packed = gif[10] & 0xFF;
        int afterColourTable = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0);
        byte[] hostile = new byte[gif.length + extension.length];
        System.arraycopy(gif, 0, hostile, 0, afterColourTable);
        System.arraycopy(extension, 0, hostile, afterColourTable, extension.length);
        System.arraycopy(
                gif, afterColourTable, hostile, afterColourTable + extension.length, gif.length - afterColourTable);

        assertThatThrownBy(() -> SampleParsers.parse("comments.gif", hostile, SampleParseOptions.defaults()))
                .isInstanceOf(SampleFormatException.class)
                .hasMessageContaining("so many small blocks");
        assertThat(SampleParsers.parse("animated.gif", gif, SampleParseOptions.defaults())
                        .format())
                .isEqualTo(SampleFormat.GIF);
    }

    /** The GIF with its first image descriptor's width and height set (walks past the colour table and extensions). */
    private static byte[] withGifFrameSize(byte[] gif, int side) {
        int packed = gif[10] & 0xFF;
        int pos = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0);
        while (gif[pos] == 0x21) {
            pos += 2;
            while (gif[pos] != 0) {
                pos += 1 + (gif[pos] & 0xFF);
            }
            pos++;
        }
        assertThat(gif[pos]).as("image descriptor").isEqualTo((byte) 0x2C);
        ByteBuffer.wrap(gif)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort(pos + 5, (short) side)
                .putShort(pos + 7, (short) side);
        return gif;
    }

    private static int rgb(ImagePixels pixels, int x, int y) {
        return pixels.get(x, y, 0) << 16 | pixels.get(x, y, 1) << 8 | pixels.get(x, y, 2);
    }

    private static ParsedSample parse(String name) throws IOException {
        return SampleParsers.parse(
                name, resource(name), SampleParseOptions.defaults().withKeepImagePixels(true));
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

package dev.edgeforge.core.format.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleFormatException.Reason;
import dev.edgeforge.core.sample.ImageInfo;
import dev.edgeforge.core.sample.Sensor;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageReaderTest {

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage rgbGradient(int type, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (0x80 << 24) | (x * 40 << 16) | (y * 40 << 8) | 0x33);
            }
        }
        return img;
    }

    private static SampleFormatException failure(byte[] bytes) {
        try {
            ImageReader.read(bytes, ImageLimits.DEFAULT, true);
        } catch (SampleFormatException e) {
            return e;
        }
        throw new AssertionError("expected a SampleFormatException");
    }

    @Test
    void pngRgbAndRgbaPixels() {
        ImageSample rgb = ImageReader.read(
                encode(rgbGradient(BufferedImage.TYPE_INT_RGB, 4, 3), "png"), ImageLimits.DEFAULT, true);
        assertThat(rgb.header().type()).isEqualTo(ImageType.PNG);
        assertThat(rgb.info()).isEqualTo(new ImageInfo(4, 3, 3));
        assertThat(rgb.data().sensors()).containsExactly(new Sensor("image", "rgb"));
        ImagePixels p = rgb.pixels().orElseThrow();
        assertThat(p.get(2, 1, 0)).isEqualTo(80);
        assertThat(p.get(2, 1, 1)).isEqualTo(40);
        assertThat(p.get(2, 1, 2)).isEqualTo(0x33);
        ImageSample rgba = ImageReader.read(
                encode(rgbGradient(BufferedImage.TYPE_INT_ARGB, 4, 3), "png"), ImageLimits.DEFAULT, true);
        assertThat(rgba.info().channels()).isEqualTo(4);
        assertThat(rgba.pixels().orElseThrow().get(3, 2, 3)).isEqualTo(0x80);
        assertThat(rgba.pixels().orElseThrow().toFloats()[3]).isEqualTo(0x80 / 255f);
        assertThat(ImageReader.read(
                                encode(rgbGradient(BufferedImage.TYPE_INT_RGB, 4, 3), "png"),
                                ImageLimits.DEFAULT,
                                false)
                        .pixels())
                .isEmpty();
    }

    @Test
    void grayscalePngKeepsItsValues() {
        BufferedImage gray = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 3, 2, 0, new int[] {0, 17, 100, 128, 200, 255});
        ImageSample s = ImageReader.read(encode(gray, "png"), ImageLimits.DEFAULT, true);
        assertThat(s.info().channels()).isEqualTo(1);
        assertThat(s.pixels().orElseThrow().bytes()).containsExactly(0, 17, 100, (byte) 128, (byte) 200, (byte) 255);
        BufferedImage gray16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {65535, 257 * 10});
        ImageSample deep = ImageReader.read(encode(gray16, "png"), ImageLimits.DEFAULT, true);
        assertThat(deep.header().bitDepth()).isEqualTo(16);
        assertThat(deep.pixels().orElseThrow().bytes()).containsExactly((byte) 255, 10);
    }

    @Test
    void paletteBecomesRgbOrRgbaWithTransparency() {
        byte[] r = {0, (byte) 255};
        byte[] g = {0, 10};
        byte[] b = {0, 20};
        BufferedImage opaque =
                new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, g, b));
        opaque.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {1, 0});
        ImageSample s = ImageReader.read(encode(opaque, "png"), ImageLimits.DEFAULT, true);
        assertThat(s.info().channels()).isEqualTo(3);
        assertThat(s.pixels().orElseThrow().bytes()).containsExactly((byte) 255, 10, 20, 0, 0, 0);
        BufferedImage transparent = new BufferedImage(
                2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, g, b, new byte[] {0, (byte) 255}));
        transparent.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {1, 0});
        ImageSample t = ImageReader.read(encode(transparent, "png"), ImageLimits.DEFAULT, true);
        assertThat(t.info().channels()).isEqualTo(4);
        assertThat(t.pixels().orElseThrow().bytes()).containsExactly((byte) 255, 10, 20, (byte) 255, 0, 0, 0, 0);
    }

    @Test
    void handMadePngsGrayAlphaAndOneBitGray() {
        byte[] grayAlpha = new TestPng()
                .ihdr(2, 1, 8, 4)
                .idat(4, new byte[] {10, 20, 30, 40})
                .iend()
                .build();
        ImageSample ga = ImageReader.read(grayAlpha, ImageLimits.DEFAULT, true);
        assertThat(ga.info().channels()).isEqualTo(2);
        assertThat(ga.data().sensors().get(0).units()).isEqualTo("gray-alpha");
        assertThat(ga.pixels().orElseThrow().bytes()).containsExactly(10, 20, 30, 40);
        byte[] oneBit = new TestPng()
                .ihdr(3, 1, 1, 0)
                .idat(1, new byte[] {(byte) 0b1010_0000})
                .iend()
                .build();
        ImageSample bits = ImageReader.read(oneBit, ImageLimits.DEFAULT, true);
        assertThat(bits.info().channels()).isEqualTo(1);
        assertThat(bits.pixels().orElseThrow().bytes()).containsExactly((byte) 255, 0, (byte) 255);
    }

    @Test
    void jpegRgbAndGray() {
        ImageSample rgb = ImageReader.read(
                encode(rgbGradient(BufferedImage.TYPE_INT_RGB, 16, 8), "jpeg"), ImageLimits.DEFAULT, true);
        assertThat(rgb.header()).isEqualTo(new ImageHeader(ImageType.JPEG, 16, 8, 3, 8));
        assertThat(rgb.pixels().orElseThrow().get(0, 0, 2)).isBetween(0x33 - 8, 0x33 + 8); // lossy
        BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(((DataBufferByte) gray.getRaster().getDataBuffer()).getData(), (byte) 90);
        ImageSample g = ImageReader.read(encode(gray, "jpeg"), ImageLimits.DEFAULT, true);
        assertThat(g.info()).isEqualTo(new ImageInfo(8, 8, 1));
        assertThat(g.pixels().orElseThrow().get(4, 4, 0)).isBetween(88, 92);
    }

    @Test
    void probeReadsTheHeaderOnly() {
        byte[] png =
                new TestPng().ihdr(640, 480, 8, 6).idat(1, new byte[0]).iend().build();
        assertThat(ImageReader.probe(png)).isEqualTo(new ImageHeader(ImageType.PNG, 640, 480, 4, 8));
    }

    @Test
    void hugeDeclaredSizesAreRefusedBeforeDecoding() {
        // 100000 x 100000 RGBA would need 40 GB; the file is a few dozen bytes
        byte[] bomb = new TestPng()
                .ihdr(100_000, 100_000, 8, 6)
                .idat(1, new byte[] {0})
                .iend()
                .build();
        SampleFormatException e = failure(bomb);
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("100000x100000");
        byte[] jpeg = encode(rgbGradient(BufferedImage.TYPE_INT_RGB, 16, 8), "jpeg");
        int sof = indexOfSof(jpeg);
        jpeg[sof + 5] = (byte) 0xFF; // height 0xFFxx
        jpeg[sof + 7] = (byte) 0xFF; // width 0xFFxx
        assertThat(failure(jpeg).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(ImageReader.read(
                                encode(rgbGradient(BufferedImage.TYPE_INT_RGB, 20, 20), "png"),
                                new ImageLimits(400, 20),
                                false)
                        .info()
                        .width())
                .isEqualTo(20);
        // even with limits raised beyond reason, a raster that cannot fit a Java array is refused
        assertThat(failure2(
                                new TestPng()
                                        .ihdr(50_000, 50_000, 8, 6)
                                        .idat(1, new byte[] {0})
                                        .iend()
                                        .build(),
                                new ImageLimits(Long.MAX_VALUE, Integer.MAX_VALUE))
                        .reason())
                .isEqualTo(Reason.TOO_LARGE);
        assertThat(failure2(encode(rgbGradient(BufferedImage.TYPE_INT_RGB, 20, 20), "png"), new ImageLimits(399, 100))
                        .reason())
                .isEqualTo(Reason.TOO_LARGE);
    }

    private static SampleFormatException failure2(byte[] bytes, ImageLimits limits) {
        try {
            ImageReader.read(bytes, limits, false);
        } catch (SampleFormatException e) {
            return e;
        }
        throw new AssertionError("expected a SampleFormatException");
    }

    private static int indexOfSof(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no SOF0");
    }

    @Test
    void corruptedPngsAreRefused() {
        byte[] png = encode(rgbGradient(BufferedImage.TYPE_INT_RGB, 8, 8), "png");
        for (int length = 0; length < png.length; length++) {
            assertThat(failure(Arrays.copyOf(png, length)).reason())
                    .as("truncated to %d", length)
                    .isEqualTo(Reason.MALFORMED);
        }
        byte[] flipped = png.clone();
        flipped[png.length - 20] ^= 0x40; // inside the IDAT data
        assertThat(failure(flipped).getMessage()).contains("wrong CRC");
        assertThat(failure(new TestPng().ihdr(2, 2, 8, 2).iend().build()).getMessage())
                .contains("no image data");
        assertThat(failure(new TestPng()
                                .ihdr(2, 2, 3, 2)
                                .idat(6, new byte[12])
                                .iend()
                                .build())
                        .getMessage())
                .contains("colour type 2 with bit depth 3");
        assertThat(failure(new TestPng().ihdr(0, 2, 8, 2).iend().build()).getMessage())
                .contains("size 0x2");
        // a valid container around image data that does not inflate
        byte[] garbage = new TestPng()
                .ihdr(4, 4, 8, 2)
                .chunk("IDAT", new byte[] {1, 2, 3, 4, 5})
                .iend()
                .build();
        assertThat(failure(garbage).getMessage()).contains("PNG cannot be decoded");
    }

    @Test
    void corruptedJpegsAreRefused() {
        byte[] jpeg = encode(rgbGradient(BufferedImage.TYPE_INT_RGB, 64, 64), "jpeg");
        for (int length : new int[] {0, 2, 3, 10, 100, jpeg.length / 2, jpeg.length - 10}) {
            assertThat(failure(Arrays.copyOf(jpeg, length)).reason())
                    .as("truncated to %d", length)
                    .isEqualTo(Reason.MALFORMED);
        }
        byte[] cmyk = {
            (byte) 0xFF,
            (byte) 0xD8,
            (byte) 0xFF,
            (byte) 0xC0,
            0,
            20,
            8,
            0,
            16,
            0,
            16,
            4,
            1,
            0x11,
            0,
            2,
            0x11,
            0,
            3,
            0x11,
            0,
            4,
            0x11,
            0
        };
        // a CMYK frame header is read (CMYK is converted) but the file has no image data
        assertThat(failure(cmyk).reason()).isEqualTo(Reason.MALFORMED);
        byte[] twoComponents = cmyk.clone();
        twoComponents[11] = 2;
        assertThat(failure(twoComponents).reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(failure(twoComponents).getMessage()).contains("2 colour components");
        assertThat(failure(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2})
                        .getMessage())
                .contains("no frame header");
        assertThat(failure("XIF89a....".getBytes()).getMessage())
                .contains("not a PNG, JPEG, BMP, GIF or WebP file (unknown signature)");
        assertThat(failure("GIF89a....".getBytes()).getMessage()).contains("GIF header cannot be read");
    }

    @Test
    void streamsAreBounded() {
        byte[] png = encode(rgbGradient(BufferedImage.TYPE_INT_RGB, 4, 4), "png");
        assertThat(ImageReader.read(new ByteArrayInputStream(png), png.length, ImageLimits.DEFAULT, false)
                        .info()
                        .height())
                .isEqualTo(4);
        try {
            ImageReader.read(new ByteArrayInputStream(png), png.length - 1, ImageLimits.DEFAULT, false);
            throw new AssertionError("expected TOO_LARGE");
        } catch (SampleFormatException e) {
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        }
    }
}

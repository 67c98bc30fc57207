package dev.edgeforge.core.format.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.hostile.Mutant;
import dev.edgeforge.core.hostile.Mutations;
import dev.edgeforge.core.hostile.ParseGuard;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile images, 10,000 PNG, 10,000 JPEG and 10,000 BMP, GIF or WebP, through {@link SampleParsers} with pixels
 * kept: each is read or refused with a {@link SampleFormatException}, within a second of CPU and a bounded
 * allocation. Half of the mutated PNGs get their chunk CRCs fixed so that the damage reaches the decoder instead of
 * stopping at the CRC check. Besides byte-level mutations: declared sizes up to 2^31 pixels a side, decompression
 * bombs (a few KB of IDAT that inflate to far more than the image holds), thousands of chunks, segments or GIF
 * extensions, segment and chunk lengths past the end, a second JPEG frame larger than the first, BMP offsets and
 * palette sizes of gigabytes.
 */
class ImageHostileInputTest {

    /** Small limits keep each case fast; whether a size passes them is the same check as with the defaults. */
    private static final ImageLimits LIMITS = new ImageLimits(1_000_000, 4096);

    private static final SampleParseOptions OPTIONS =
            SampleParseOptions.defaults().withImageLimits(LIMITS).withKeepImagePixels(true);
    private static final ParseGuard GUARD = ParseGuard.forParser(SampleFormatException.class);
    /** Decompression bombs: a few KB of IDAT that inflate to the image's scanlines and up to three times more. */
    private static final List<Mutant> BOMBS = List.of(bomb(300, 0), bomb(500, 3), bomb(700, 1), bomb(8, 20_000));

    private static final byte[] JPEG = encode(gradient(BufferedImage.TYPE_INT_RGB, 16, 11), "jpeg");

    @Property(tries = 10_000)
    void everyHostilePngIsReadOrRefusedWithinBounds(@ForAll("hostilePng") Mutant png) {
        check("hostile.png", png);
    }

    @Property(tries = 10_000)
    void everyHostileJpegIsReadOrRefusedWithinBounds(@ForAll("hostileJpeg") Mutant jpeg) {
        check("hostile.jpg", jpeg);
    }

    @Property(tries = 10_000)
    void everyHostileBmpGifOrWebpIsReadOrRefusedWithinBounds(@ForAll("hostileOther") Mutant image) {
        check("hostile.image", image);
    }

    private static void check(String name, Mutant image) {
        ParseGuard.Outcome outcome = GUARD.run(image, bytes -> SampleParsers.parse(name, bytes, OPTIONS));
        if (outcome.accepted()) {
            ParsedSample parsed = (ParsedSample) outcome.value();
            ImageSample sample = parsed.image().orElseThrow();
            assertThat(sample.header().pixelCount()).isLessThanOrEqualTo(LIMITS.maxPixels());
            ImagePixels pixels = sample.pixels().orElseThrow();
            assertThat(pixels.bytes()).hasSize(pixels.width() * pixels.height() * pixels.channels());
        } else {
            assertThat(outcome.rejection().getMessage()).startsWith(name + ": ");
        }
        Statistics.label("outcome").collect(outcome.kind());
        Statistics.label("outcome")
                .coverage(coverage -> coverage.check("accepted").count(n -> n > 0));
    }

    @Provide
    Arbitrary<Mutant> hostilePng() {
        List<Mutant> seeds = List.of(
                new Mutant("RGB PNG", encode(gradient(BufferedImage.TYPE_INT_RGB, 12, 9), "png")),
                new Mutant("RGBA PNG", encode(gradient(BufferedImage.TYPE_INT_ARGB, 7, 5), "png")),
                new Mutant("16-bit gray PNG", encode(gradient(BufferedImage.TYPE_USHORT_GRAY, 9, 4), "png")),
                new Mutant("palette PNG", encode(palette(), "png")),
                new Mutant(
                        "gray + alpha PNG",
                        new TestPng()
                                .ihdr(3, 2, 8, 4)
                                .idat(6, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
                                .iend()
                                .build()));
        Arbitrary<Mutant> mutated = Mutations.of(seeds)
                .map(m -> Math.floorMod(m.bytes().length, 2) == 0 ? m.then("CRCs fixed", fixCrcs(m.bytes())) : m);
        return Arbitraries.frequencyOf(
                Tuple.of(3, mutated), Tuple.of(1, Arbitraries.randomValue(ImageHostileInputTest::maliciousPng)));
    }

    @Provide
    Arbitrary<Mutant> hostileJpeg() {
        List<Mutant> seeds = List.of(
                new Mutant("RGB JPEG", encode(gradient(BufferedImage.TYPE_INT_RGB, 16, 11), "jpeg")),
                new Mutant("gray JPEG", encode(gradient(BufferedImage.TYPE_BYTE_GRAY, 9, 17), "jpeg")));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Mutations.of(seeds)),
                Tuple.of(1, Arbitraries.randomValue(ImageHostileInputTest::maliciousJpeg)));
    }

    @Provide
    Arbitrary<Mutant> hostileOther() {
        List<Mutant> seeds = List.of(
                new Mutant("RGB BMP", encode(gradient(BufferedImage.TYPE_INT_RGB, 7, 5), "bmp")),
                new Mutant("palette BMP", encode(opaquePalette(), "bmp")),
                new Mutant("GIF", encode(gradient(BufferedImage.TYPE_INT_RGB, 9, 6), "gif")),
                new Mutant("two-frame GIF with transparency", resource("animated.gif")),
                new Mutant("lossless WebP with alpha", resource("transparent.webp")),
                new Mutant("lossy WebP", resource("lossy.webp")));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Mutations.of(seeds)),
                Tuple.of(1, Arbitraries.randomValue(ImageHostileInputTest::maliciousOther)));
    }

    /** A BMP, GIF or WebP declaring a size, offset or length meant to make a reader allocate or loop. */
    private static Mutant maliciousOther(Random random) {
        int[] sides = {0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 65535, 16384, 4097, 1000, 1, 0};
        int side = sides[random.nextInt(sides.length)];
        int other = sides[random.nextInt(sides.length)];
        return switch (random.nextInt(6)) {
            case 0 -> {
                byte[] bmp = encode(gradient(BufferedImage.TYPE_INT_RGB, 7, 5), "bmp");
                ByteBuffer.wrap(bmp)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(18, side)
                        .putInt(22, other);
                yield new Mutant("a BMP declaring " + side + "x" + other, bmp);
            }
            case 1 -> {
                byte[] bmp = encode(opaquePalette(), "bmp");
                int at = new int[] {2, 10, 14, 34, 46}[random.nextInt(5)]; // file size, data offset, info size,
                // image size, colours used
                ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(at, side);
                yield new Mutant("a BMP with " + side + " at header offset " + at, bmp);
            }
            case 2 -> {
                byte[] gif = encode(gradient(BufferedImage.TYPE_INT_RGB, 9, 6), "gif");
                ByteBuffer b = ByteBuffer.wrap(gif).order(ByteOrder.LITTLE_ENDIAN);
                b.putShort(6, (short) side).putShort(8, (short) other);
                int descriptor = gifImageDescriptor(gif);
                if (random.nextBoolean()) {
                    b.putShort(descriptor + 5, (short) side).putShort(descriptor + 7, (short) other);
                }
                yield new Mutant("a GIF declaring " + (side & 0xFFFF) + "x" + (other & 0xFFFF), gif);
            }
            case 3 -> {
                byte[] gif = encode(gradient(BufferedImage.TYPE_INT_RGB, 9, 6), "gif");
                int n = 1000 + random.nextInt(20_000);
                byte[] extensions = new byte[n * 4];
                for (int i = 0; i < n; i++) {
                    extensions[i * 4] = 0x21; // extension
                    extensions[i * 4 + 1] = (byte) 0xFE; // comment
                    extensions[i * 4 + 2] = 0; // no data: the terminator right away (one byte unused below)
                    extensions[i * 4 + 3] = 0;
                }
                yield new Mutant(
                        n + " empty GIF comments", Mutations.splice(gif, gifImageDescriptor(gif), 0, extensions));
            }
            case 4 -> {
                byte[] webp = resource("transparent.webp");
                int bits = (side - 1) & 0x3FFF | ((other - 1) & 0x3FFF) << 14 | (webp[24] & 0xF0) << 24;
                ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN).putInt(21, bits);
                yield new Mutant("a lossless WebP declaring " + side + "x" + other + " (14 bits each)", webp);
            }
            default -> {
                byte[] webp = resource(random.nextBoolean() ? "lossy.webp" : "transparent.webp");
                int at = random.nextBoolean() ? 4 : 16; // the RIFF length, the first chunk's length
                ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN).putInt(at, side);
                yield new Mutant("a WebP with length " + Integer.toUnsignedString(side) + " at offset " + at, webp);
            }
        };
    }

    /** Offset of a GIF's first image descriptor (past the colour table and extensions). */
    private static int gifImageDescriptor(byte[] gif) {
        int packed = gif[10] & 0xFF;
        int pos = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0);
        while (gif[pos] == 0x21) {
            pos += 2;
            while (gif[pos] != 0) {
                pos += 1 + (gif[pos] & 0xFF);
            }
            pos++;
        }
        return pos;
    }

    private static BufferedImage opaquePalette() {
        byte[] r = {0, (byte) 255, 10, 20};
        byte[] g = {0, 0, (byte) 255, 30};
        byte[] b = {0, 0, 0, (byte) 255};
        BufferedImage image =
                new BufferedImage(6, 4, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, g, b));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                image.getRaster().setSample(x, y, 0, (x + y) % 4);
            }
        }
        return image;
    }

    private static byte[] resource(String name) {
        try (InputStream in = ImageHostileInputTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG built around one weakness of image readers. */
    private static Mutant maliciousPng(Random random) {
        int[] sides = {0x7FFFFFFF, 0x80000000, 100_000, 4097, 4096, 1000, 1, 0};
        return switch (random.nextInt(5)) {
            case 0 -> {
                int w = sides[random.nextInt(sides.length)];
                int h = sides[random.nextInt(sides.length)];
                yield new Mutant(
                        "a PNG declaring " + Integer.toUnsignedString(w) + "x" + Integer.toUnsignedString(h),
                        new TestPng()
                                .ihdr(w, h, 8, 2)
                                .idat(3, new byte[] {1, 2, 3})
                                .iend()
                                .build());
            }
            case 1 -> BOMBS.get(random.nextInt(BOMBS.size()));
            case 2 -> {
                TestPng png = new TestPng().ihdr(2, 2, 8, 0);
                int chunks = 1000 + random.nextInt(20_000);
                for (int i = 0; i < chunks; i++) {
                    png.chunk(random.nextBoolean() ? "tEXt" : "IDAT", new byte[i % 3]);
                }
                yield new Mutant(chunks + " tiny chunks", png.iend().build());
            }
            case 3 -> {
                byte[] png = new TestPng()
                        .ihdr(4, 4, 8, 2)
                        .idat(12, new byte[48])
                        .iend()
                        .build();
                int length = new int[] {0x7FFFFFFF, 0xFFFFFFFF, 0x7FFFFFF0, png.length}[random.nextInt(4)];
                ByteBuffer.wrap(png).putInt(33, length); // the IDAT chunk's length field
                yield new Mutant("an IDAT declaring " + Integer.toUnsignedString(length) + " bytes", png);
            }
            default -> {
                int depth = new int[] {3, 5, 7, 32, 255, 0}[random.nextInt(6)];
                int colour = new int[] {1, 5, 7, 3, 255}[random.nextInt(5)];
                yield new Mutant(
                        "a PNG of colour type " + colour + " and depth " + depth,
                        fixCrcs(new TestPng()
                                .ihdr(3, 3, depth, colour)
                                .idat(9, new byte[27])
                                .iend()
                                .build()));
            }
        };
    }

    /** A JPEG built around one weakness of image readers. */
    private static Mutant maliciousJpeg(Random random) {
        byte[] jpeg = JPEG;
        int sof = sofOffset(jpeg);
        return switch (random.nextInt(5)) {
            case 0 -> {
                int w = new int[] {65535, 4097, 1000, 1, 0}[random.nextInt(5)];
                int h = new int[] {65535, 4097, 1000, 1, 0}[random.nextInt(5)];
                byte[] c = jpeg.clone();
                ByteBuffer.wrap(c).putShort(sof + 5, (short) h).putShort(sof + 7, (short) w);
                yield new Mutant("a JPEG frame declaring " + w + "x" + h, c);
            }
            case 1 -> {
                int cut = sof + 9 + random.nextInt(jpeg.length - sof - 9);
                byte[] c = Mutations.splice(jpeg, cut, jpeg.length - cut, new byte[0]);
                ByteBuffer.wrap(c).putShort(sof + 5, (short) 1000).putShort(sof + 7, (short) 1000);
                yield new Mutant("a 1000x1000 JPEG cut at " + cut, c);
            }
            case 2 -> {
                byte[] second =
                        Arrays.copyOfRange(jpeg, sof, sof + 2 + ((jpeg[sof + 2] & 0xFF) << 8 | (jpeg[sof + 3] & 0xFF)));
                ByteBuffer.wrap(second).putShort(5, (short) 60000).putShort(7, (short) 60000);
                yield new Mutant(
                        "a second frame of 60000x60000 after the first",
                        Mutations.splice(jpeg, sof + second.length, 0, second));
            }
            case 3 -> {
                int n = 1000 + random.nextInt(30_000);
                byte[] segments = new byte[n * 4];
                for (int i = 0; i < n; i++) {
                    segments[i * 4] = (byte) 0xFF;
                    segments[i * 4 + 1] = (byte) (0xE0 + random.nextInt(16)); // APPn
                    segments[i * 4 + 3] = 2; // length 2: empty
                }
                yield new Mutant(n + " empty APP segments", Mutations.splice(jpeg, 2, 0, segments));
            }
            default -> {
                int length = new int[] {0xFFFF, 0, 1, 2}[random.nextInt(4)];
                byte[] c = jpeg.clone();
                int at = 2 + 2; // the first segment's length field
                ByteBuffer.wrap(c).putShort(at, (short) length);
                yield new Mutant("the first segment declaring " + length + " bytes", c);
            }
        };
    }

    private static Mutant bomb(int side, int extraImages) {
        byte[] idat = deflate(new byte[(side * 4 + 1) * side * (1 + extraImages)]);
        return new Mutant(
                side + "x" + side + " RGBA from " + idat.length + " bytes of IDAT, " + extraImages + " images too many",
                new TestPng().ihdr(side, side, 8, 6).chunk("IDAT", idat).iend().build());
    }

    /** Offset of the first SOFn marker (0xFFC0..0xFFCF without DHT, JPG, DAC). */
    private static int sofOffset(byte[] jpeg) {
        int pos = 2;
        while (true) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return pos;
            }
            pos += 2 + ((jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF));
        }
    }

    /** The PNG with every chunk's CRC recomputed, as far as the chunk lengths can be followed. */
    static byte[] fixCrcs(byte[] png) {
        byte[] out = png.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        int pos = 8;
        while (pos + 12 <= out.length) {
            long length = Integer.toUnsignedLong(b.getInt(pos));
            if (length > out.length - pos - 12L) {
                break;
            }
            CRC32 crc = new CRC32();
            crc.update(out, pos + 4, 4 + (int) length);
            b.putInt(pos + 8 + (int) length, (int) crc.getValue());
            pos += 12 + (int) length;
        }
        return out;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static BufferedImage gradient(int type, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | ((x + y) * 7 & 0xFF) | (x * 40) << 24);
            }
        }
        return image;
    }

    private static BufferedImage palette() {
        byte[] r = {0, (byte) 255, 10, 20};
        byte[] g = {0, 0, (byte) 255, 30};
        byte[] b = {0, 0, 0, (byte) 255};
        byte[] a = {0, (byte) 128, (byte) 255, (byte) 255};
        BufferedImage image =
                new BufferedImage(6, 4, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, g, b, a));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                image.getRaster().setSample(x, y, 0, (x + y) % 4);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

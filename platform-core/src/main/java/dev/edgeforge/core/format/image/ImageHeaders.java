package dev.edgeforge.core.format.image;

import dev.edgeforge.core.format.SampleFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Reads image headers from the bytes, without decoding pixels: PNG chunks are walked and their CRCs checked
 * (so truncation and corruption are found even where the decoder would not look), JPEG segments are walked up to
 * the frame header; BMP, GIF and WebP headers are read by their ImageIO decoder ({@link ImageDecoders#header}).
 */
final class ImageHeaders {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageHeaders() {}

    static boolean isPng(byte[] b) {
        if (b.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    static ImageHeader read(byte[] bytes) {
        if (isPng(bytes)) {
            return png(bytes);
        }
        if (isJpeg(bytes)) {
            return jpeg(bytes);
        }
        if (isBmp(bytes)) {
            return bmp(bytes);
        }
        if (isGif(bytes)) {
            checkGifExtensions(bytes);
            return ImageDecoders.header(bytes, ImageType.GIF);
        }
        if (isWebp(bytes)) {
            return ImageDecoders.header(bytes, ImageType.WEBP);
        }
        throw SampleFormatException.malformed("not a PNG, JPEG, BMP, GIF or WebP file (unknown signature)");
    }

    static boolean isBmp(byte[] b) {
        return b.length >= 2 && b[0] == 'B' && b[1] == 'M';
    }

    static boolean isGif(byte[] b) {
        return b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && b[5] == 'a';
    }

    static boolean isWebp(byte[] b) {
        return b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P';
    }

    /** Bytes the JDK's GIF reader may copy while joining the extensions before the first image. */
    static final long GIF_EXTENSION_COPY_LIMIT = 16L << 20;

    /**
     * Walks a GIF's extensions up to its first image. The JDK's reader joins an extension's sub-blocks by copying
     * the data so far for each one, so thousands of tiny sub-blocks cost memory quadratic in their number (found by
     * {@code ImageHostileInputTest}: 15 KB allocating 100 MB); a file whose joining would copy more than
     * {@value #GIF_EXTENSION_COPY_LIMIT} bytes is refused. Anything else wrong is left to the reader.
     */
    private static void checkGifExtensions(byte[] b) {
        if (b.length < 13) {
            return;
        }
        int packed = b[10] & 0xFF;
        int pos = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0);
        long copied = 0;
        while (pos + 1 < b.length && (b[pos] & 0xFF) == 0x21) {
            pos += 2;
            long joined = 0;
            while (pos < b.length && b[pos] != 0) {
                joined += b[pos] & 0xFF;
                copied += joined;
                pos += 1 + (b[pos] & 0xFF);
            }
            if (copied > GIF_EXTENSION_COPY_LIMIT) {
                throw SampleFormatException.malformed("GIF extensions are split into so many small blocks that"
                        + " reading them would copy more than " + GIF_EXTENSION_COPY_LIMIT + " bytes");
            }
            pos++;
        }
    }

    /**
     * The BMP headers, read here rather than by the JDK's reader: the size is then checked against the limits
     * before that reader sees the file, and the offsets must lie inside the file (the reader sizes its palette
     * buffer from the pixel-data offset, so an offset of gigabytes would make it allocate them). Channels are a
     * first guess (RGB, RGBA for 32 bits); {@link ImageReader} takes the decoded image's.
     */
    private static ImageHeader bmp(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 26) {
            throw SampleFormatException.malformed("BMP of " + b.length + " bytes is shorter than its headers");
        }
        long dataOffset = Integer.toUnsignedLong(in.getInt(10));
        long infoSize = Integer.toUnsignedLong(in.getInt(14));
        if (infoSize < 12 || 14 + infoSize > b.length || dataOffset < 14 + infoSize || dataOffset > b.length) {
            throw SampleFormatException.malformed("BMP header declares its pixel data at byte " + dataOffset + " and a "
                    + infoSize + "-byte info header, outside the file of " + b.length + " bytes");
        }
        long width;
        long height;
        int bits;
        if (infoSize == 12) { // OS/2 core header: 16-bit sizes
            width = Short.toUnsignedInt(in.getShort(18));
            height = Short.toUnsignedInt(in.getShort(20));
            bits = Short.toUnsignedInt(in.getShort(24));
        } else {
            if (infoSize < 16) {
                throw SampleFormatException.malformed("BMP info header of " + infoSize + " bytes is not valid");
            }
            width = in.getInt(18);
            height = Math.abs((long) in.getInt(22)); // negative: rows stored top-down
            bits = Short.toUnsignedInt(in.getShort(28));
        }
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw SampleFormatException.malformed("BMP size " + width + "x" + height + " is not valid");
        }
        return new ImageHeader(ImageType.BMP, (int) width, (int) height, bits == 32 ? 4 : 3, Math.min(bits, 8));
    }

    private static ImageHeader png(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes); // PNG is big-endian, ByteBuffer's default
        int pos = PNG_SIGNATURE.length;
        int width = 0;
        int height = 0;
        int bitDepth = 0;
        int colorType = -1;
        boolean transparency = false;
        boolean imageData = false;
        while (true) {
            if (pos + 8 > bytes.length) {
                throw SampleFormatException.malformed(
                        "PNG ends at byte " + bytes.length + " without an IEND chunk" + " (truncated file)");
            }
            long length = Integer.toUnsignedLong(in.getInt(pos));
            String type = new String(bytes, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > bytes.length - pos - 12L) {
                throw SampleFormatException.malformed("PNG chunk '" + printable(type) + "' at offset " + pos
                        + " declares " + length + " bytes but the file ends first (truncated file)");
            }
            int dataStart = pos + 8;
            CRC32 crc = new CRC32();
            crc.update(bytes, pos + 4, 4 + (int) length);
            if ((int) crc.getValue() != in.getInt(dataStart + (int) length)) {
                throw SampleFormatException.malformed(
                        "PNG chunk '" + printable(type) + "' at offset " + pos + " has a wrong CRC (corrupted file)");
            }
            if (pos == PNG_SIGNATURE.length) {
                if (!type.equals("IHDR") || length != 13) {
                    throw SampleFormatException.malformed("PNG does not start with a 13-byte IHDR chunk");
                }
                width = in.getInt(dataStart);
                height = in.getInt(dataStart + 4);
                bitDepth = bytes[dataStart + 8] & 0xFF;
                colorType = bytes[dataStart + 9] & 0xFF;
                if (width <= 0 || height <= 0) {
                    throw SampleFormatException.malformed("PNG size " + Integer.toUnsignedString(width) + "x"
                            + Integer.toUnsignedString(height) + " is not valid");
                }
                if (!validPngDepth(colorType, bitDepth)) {
                    throw SampleFormatException.malformed(
                            "PNG colour type " + colorType + " with bit depth " + bitDepth + " is not valid");
                }
            } else if (type.equals("tRNS")) {
                transparency = true;
            } else if (type.equals("IDAT")) {
                imageData = true;
            } else if (type.equals("IEND")) {
                break;
            }
            pos = dataStart + (int) length + 4;
        }
        if (!imageData) {
            throw SampleFormatException.malformed("PNG has no image data (IDAT)");
        }
        // a tRNS chunk matters only for palettes; in gray or RGB images (one transparent colour) it is ignored
        int channels = switch (colorType) {
            case 0 -> 1;
            case 4 -> 2;
            case 3 -> transparency ? 4 : 3;
            case 2 -> 3;
            default -> 4;
        };
        return new ImageHeader(ImageType.PNG, width, height, channels, bitDepth);
    }

    private static boolean validPngDepth(int colorType, int depth) {
        return switch (colorType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
    }

    /** The number of colour components of a JPEG's frame (4 for CMYK and YCCK). */
    static int jpegComponents(byte[] b) {
        return jpegFrame(b).components();
    }

    private static ImageHeader jpeg(byte[] b) {
        JpegFrame f = jpegFrame(b);
        // 4 components (CMYK or YCCK) are converted to RGB when decoded
        return new ImageHeader(
                ImageType.JPEG, f.width(), f.height(), f.components() == 4 ? 3 : f.components(), f.precision());
    }

    private record JpegFrame(int width, int height, int components, int precision) {}

    private static JpegFrame jpegFrame(byte[] b) {
        int pos = 2;
        while (true) {
            if (pos >= b.length) {
                throw SampleFormatException.malformed("JPEG ends before its frame header (truncated file)");
            }
            if ((b[pos] & 0xFF) != 0xFF) {
                throw SampleFormatException.malformed(String.format(
                        Locale.ROOT, "JPEG: expected a marker at offset %d, found 0x%02X", pos, b[pos] & 0xFF));
            }
            while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
                pos++; // fill bytes
            }
            if (pos >= b.length) {
                throw SampleFormatException.malformed("JPEG ends before its frame header (truncated file)");
            }
            int marker = b[pos++] & 0xFF;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            if (marker == 0xD9 || marker == 0xDA) {
                throw SampleFormatException.malformed("JPEG has no frame header before its image data");
            }
            if (pos + 2 > b.length) {
                throw SampleFormatException.malformed("JPEG ends inside a segment header (truncated file)");
            }
            int length = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            if (length < 2 || pos + length > b.length) {
                throw SampleFormatException.malformed(String.format(
                        Locale.ROOT,
                        "JPEG segment 0xFF%02X at offset %d declares %d bytes but the file ends first (truncated"
                                + " file)",
                        marker,
                        pos - 2,
                        length));
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                if (length < 8) {
                    throw SampleFormatException.malformed("JPEG frame header of " + length + " bytes is too short");
                }
                int precision = b[pos + 2] & 0xFF;
                int height = ((b[pos + 3] & 0xFF) << 8) | (b[pos + 4] & 0xFF);
                int width = ((b[pos + 5] & 0xFF) << 8) | (b[pos + 6] & 0xFF);
                int components = b[pos + 7] & 0xFF;
                if (width == 0 || height == 0) {
                    throw new SampleFormatException(
                            SampleFormatException.Reason.UNSUPPORTED,
                            "JPEG size " + width + "x" + height + " (a height given later by a DNL marker is not"
                                    + " supported)");
                }
                if (components != 1 && components != 3 && components != 4) {
                    throw new SampleFormatException(
                            SampleFormatException.Reason.UNSUPPORTED,
                            "JPEG with " + components + " colour components is not supported; gray, RGB and CMYK are");
                }
                return new JpegFrame(width, height, components, precision);
            }
            pos += length;
        }
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? type : "?";
    }
}

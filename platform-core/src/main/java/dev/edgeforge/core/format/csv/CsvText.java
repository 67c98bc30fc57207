package dev.edgeforge.core.format.csv;

import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * CSV text that can be read line by line more than once: the reader makes a few passes over a file instead of
 * holding it in memory. The charset is decided once, over the whole file, before any line is read: UTF-8 when every
 * byte sequence is valid UTF-8 (a byte order mark is skipped), Windows-1252 otherwise; a NUL byte means binary data.
 */
abstract class CsvText {

    private static final int CHUNK = 64 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Opens the text from its first character. */
    abstract Reader open();

    static CsvText of(String text) {
        return new CsvText() {
            @Override
            Reader open() {
                return new StringReader(text);
            }
        };
    }

    /**
     * Text of a file, after a first pass over its bytes that checks for NUL bytes and decides the charset.
     *
     * @throws SampleFormatException naming the offset of the first NUL byte
     */
    static CsvText of(SampleInput input) {
        int bom = startsWithBom(input.head(3)) ? 3 : 0;
        Charset charset = scan(input, bom) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        return new CsvText() {
            @Override
            Reader open() {
                InputStream in = input.open();
                try {
                    in.skipNBytes(bom);
                } catch (IOException e) {
                    closeQuietly(in);
                    throw new UncheckedIOException(e);
                }
                return new InputStreamReader(in, charset);
            }
        };
    }

    /** Whether the bytes after the byte order mark are valid UTF-8; throws at a NUL byte. */
    private static boolean scan(SampleInput input, int offset) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK + 8);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        boolean valid = true;
        long position = offset;
        try (InputStream in = input.open()) {
            in.skipNBytes(offset);
            while (true) {
                int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                boolean end = read < 0;
                if (!end) {
                    int from = bytes.position();
                    for (int i = 0; i < read; i++) {
                        if (bytes.get(from + i) == 0) {
                            throw SampleFormatException.malformed(
                                    "binary data (a NUL byte at offset " + (position + i) + "), not CSV text");
                        }
                    }
                    position += read;
                    bytes.position(from + read);
                }
                bytes.flip();
                valid = valid && decodes(utf8, bytes, chars, end);
                if (end) {
                    return valid;
                }
                if (!valid) {
                    bytes.clear(); // only NUL bytes matter from here on
                } else {
                    bytes.compact(); // keeps a multi-byte sequence cut at the chunk's end
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean decodes(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) {
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, end);
            chars.clear();
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        if (end) {
            CoderResult flushed = decoder.flush(chars);
            chars.clear();
            return !flushed.isError();
        }
        return true;
    }

    private static boolean startsWithBom(byte[] head) {
        return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    /**
     * The non-blank lines of the text in order, numbered as lines of the file from 1 (as a spreadsheet shows them).
     * Line ends {@code \n}, {@code \r\n} or {@code \r}.
     */
    final class Lines implements AutoCloseable {

        private final BufferedReader reader = new BufferedReader(open(), CHUNK);
        private int number;
        private String text;

        /** Moves to the next non-blank line; false at the end. */
        boolean next() {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        text = line;
                        return true;
                    }
                }
                text = null;
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            return text;
        }

        int number() {
            return number;
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }

    Lines lines() {
        return new Lines();
    }
}

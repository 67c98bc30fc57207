package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.SampleDataViolation;
import dev.edgeforge.core.sample.Sensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.cbor.CBORFactory;

/**
 * Reads an Edge Impulse message token by token (the same code for JSON and CBOR, which Jackson presents as the same
 * token stream), so that the values never become a tree of objects and the signature's byte offset is known.
 */
final class EiMessageParser {

    private static final StreamReadConstraints CONSTRAINTS =
            StreamReadConstraints.builder().maxNestingDepth(64).build();
    private static final JsonFactory JSON =
            JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    private static final CBORFactory CBOR =
            CBORFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    private final JsonParser p;
    private final byte[] bytes;
    private final EiEncoding encoding;

    private EiMessageParser(JsonParser p, byte[] bytes, EiEncoding encoding) {
        this.p = p;
        this.bytes = bytes;
        this.encoding = encoding;
    }

    /** JSON when the first non-blank byte is '{', CBOR when it starts a CBOR map (or the self-describe tag). */
    static EiEncoding detectEncoding(byte[] bytes) {
        if (bytes.length == 0) {
            throw SampleFormatException.malformed("the message is empty");
        }
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        if (i < bytes.length && bytes[i] == '{') {
            return EiEncoding.JSON;
        }
        int first = bytes[0] & 0xFF;
        if ((first >= 0xA0 && first <= 0xBB)
                || first == 0xBF
                || (bytes.length >= 3 && first == 0xD9 && (bytes[1] & 0xFF) == 0xD9 && (bytes[2] & 0xFF) == 0xF7)) {
            return EiEncoding.CBOR;
        }
        throw SampleFormatException.malformed(
                String.format(Locale.ROOT, "neither a JSON object nor a CBOR map (first byte 0x%02X)", first));
    }

    static ParsedEiMessage parse(byte[] bytes) {
        EiEncoding encoding = detectEncoding(bytes);
        if (encoding == EiEncoding.CBOR) {
            CborTagRuns.check(bytes);
        }
        JsonParser parser = encoding == EiEncoding.JSON
                ? JSON.createParser(ObjectReadContext.empty(), bytes)
                : CBOR.createParser(ObjectReadContext.empty(), bytes);
        try (parser) {
            return new EiMessageParser(parser, bytes, encoding).message();
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at != null && at.getByteOffset() >= 0 ? " (at byte " + at.getByteOffset() + ")" : "";
            throw SampleFormatException.malformed("not valid " + encoding + ": " + e.getOriginalMessage() + where, e);
        }
    }

    private ParsedEiMessage message() {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw SampleFormatException.malformed("the message is not an object");
        }
        EiProtectedHeader header = null;
        String signature = null;
        int signatureStart = -1;
        Payload payload = null;
        Set<String> seen = new HashSet<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            if (!seen.add(name)) {
                throw SampleFormatException.malformed("field '" + name + "' appears twice");
            }
            p.nextToken();
            switch (name) {
                case "protected" -> header = protectedHeader();
                case "signature" -> {
                    signature = string("signature");
                    signatureStart = plainStringStart(signature);
                }
                case "payload" -> payload = payload();
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw SampleFormatException.malformed("the message ends before its closing brace");
        }
        int end = (int) p.currentLocation().getByteOffset();
        if (header == null) {
            throw SampleFormatException.malformed("'protected' is missing");
        }
        if (signature == null) {
            throw SampleFormatException.malformed("'signature' is missing");
        }
        if (payload == null) {
            throw SampleFormatException.malformed("'payload' is missing");
        }
        float[][] values;
        if (payload.binaryType != null) {
            values = binaryValues(payload, end);
        } else {
            requireNothingAfter(end);
            values = payload.values.toAxes(payload.sensors.size());
        }
        try {
            SampleData data = SampleData.builder()
                    .setSensors(payload.sensors)
                    .setIntervalMs(payload.intervalMs)
                    .setValues(values)
                    .optDeviceName(payload.deviceName)
                    .optDeviceType(payload.deviceType)
                    .build();
            return new ParsedEiMessage(
                    encoding, header, signature, signatureStart, Optional.ofNullable(payload.binaryType), data);
        } catch (SampleDataViolation e) {
            throw SampleFormatException.malformed("payload: " + e.getMessage(), e);
        }
    }

    private EiProtectedHeader protectedHeader() {
        requireStart(JsonToken.START_OBJECT, "protected", "an object");
        String version = null;
        String alg = null;
        Long iat = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "ver" -> version = string("protected.ver");
                case "alg" -> alg = string("protected.alg");
                case "iat" -> iat = wholeNumber("protected.iat");
                default -> p.skipChildren();
            }
        }
        if (version == null) {
            throw SampleFormatException.malformed("protected.ver is missing");
        }
        if (!EiProtectedHeader.V1.equals(version)) {
            throw new SampleFormatException(
                    SampleFormatException.Reason.UNSUPPORTED, "protected.ver '" + version + "' is not supported (v1)");
        }
        if (alg == null) {
            throw SampleFormatException.malformed("protected.alg is missing");
        }
        return new EiProtectedHeader(version, EiAlgorithm.fromHeader(alg), Optional.ofNullable(iat));
    }

    /** Mutable while parsing; fields may come in any order. */
    private static final class Payload {
        String deviceName;
        String deviceType;
        double intervalMs = Double.NaN;
        List<Sensor> sensors;
        ValueBuffer values;
        EiBinaryType binaryType;
    }

    private Payload payload() {
        requireStart(JsonToken.START_OBJECT, "payload", "an object");
        Payload payload = new Payload();
        boolean valuesSeen = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "device_name" -> payload.deviceName = optionalString("payload.device_name");
                case "device_type" -> payload.deviceType = optionalString("payload.device_type");
                case "interval_ms" -> payload.intervalMs = number("payload.interval_ms");
                case "sensors" -> payload.sensors = sensors();
                case "values" -> {
                    valuesSeen = true;
                    values(payload);
                }
                default -> p.skipChildren();
            }
        }
        if (Double.isNaN(payload.intervalMs)) {
            throw SampleFormatException.malformed("payload.interval_ms is missing");
        }
        if (!(payload.intervalMs > 0)) {
            throw SampleFormatException.malformed("payload.interval_ms " + payload.intervalMs + " is not > 0");
        }
        if (payload.sensors == null) {
            throw SampleFormatException.malformed("payload.sensors is missing");
        }
        if (!valuesSeen) {
            throw SampleFormatException.malformed("payload.values is missing");
        }
        if (payload.values != null) {
            payload.values.checkAgainst(payload.sensors.size());
        }
        return payload;
    }

    private List<Sensor> sensors() {
        requireStart(JsonToken.START_ARRAY, "payload.sensors", "an array");
        List<Sensor> sensors = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String path = "payload.sensors[" + sensors.size() + "]";
            requireStart(JsonToken.START_OBJECT, path, "an object");
            String name = null;
            String units = "";
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = string(path + ".name");
                    case "units" -> units = string(path + ".units");
                    default -> p.skipChildren();
                }
            }
            if (name == null || name.isBlank()) {
                throw SampleFormatException.malformed(path + ".name is missing or blank");
            }
            sensors.add(new Sensor(name, units));
        }
        if (sensors.isEmpty()) {
            throw SampleFormatException.malformed("payload.sensors is empty");
        }
        return sensors;
    }

    private void values(Payload payload) {
        requireStart(JsonToken.START_ARRAY, "payload.values", "an array");
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            throw SampleFormatException.malformed("payload.values is empty");
        }
        if (first == JsonToken.VALUE_STRING) {
            String reference = p.getString();
            if (!reference.regionMatches(true, 0, EiBinaryType.REF_PREFIX, 0, EiBinaryType.REF_PREFIX.length())) {
                throw SampleFormatException.malformed("payload.values[0]: expected a number, found a string");
            }
            payload.binaryType = EiBinaryType.fromReference(reference)
                    .orElseThrow(() -> new SampleFormatException(
                            SampleFormatException.Reason.UNSUPPORTED,
                            "payload.values references '" + reference.strip()
                                    + "'; only Ref-BINARY-i16, -u16 and -f32 are supported"));
            if (encoding != EiEncoding.CBOR) {
                throw SampleFormatException.malformed("payload.values references binary data ('" + reference.strip()
                        + "'), which only the CBOR encoding can carry");
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw SampleFormatException.malformed("payload.values: the binary reference must be its only element");
            }
            return;
        }
        ValueBuffer buffer = new ValueBuffer(first == JsonToken.START_ARRAY);
        JsonToken t = first;
        int row = 0;
        while (t != JsonToken.END_ARRAY) {
            String path = "payload.values[" + row + "]";
            if (buffer.rows) {
                requireStart(JsonToken.START_ARRAY, path, "an array (a row with one value per sensor)");
                int width = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    buffer.add(number32(path + "[" + width + "]"));
                    width++;
                }
                buffer.endRow(width, row);
            } else {
                buffer.add(number32(path));
            }
            row++;
            t = p.nextToken();
        }
        payload.values = buffer;
    }

    /** Values as they arrive, in row order; shape checked against the sensors once both are known. */
    private static final class ValueBuffer {
        final boolean rows;
        float[] data = new float[256];
        int size;
        int width = -1;
        int rowCount;

        ValueBuffer(boolean rows) {
            this.rows = rows;
        }

        void add(float v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = v;
        }

        void endRow(int rowWidth, int row) {
            if (width < 0) {
                width = rowWidth;
            } else if (rowWidth != width) {
                throw SampleFormatException.malformed(
                        "payload.values[" + row + "] has " + rowWidth + " values, payload.values[0] has " + width);
            }
            rowCount++;
        }

        void checkAgainst(int sensorCount) {
            if (!rows && sensorCount != 1) {
                throw SampleFormatException.malformed("payload.values is a flat list but payload.sensors lists "
                        + sensorCount + " sensors; multi-axis values are rows, one value per sensor");
            }
            if (rows && width != sensorCount) {
                throw SampleFormatException.malformed(
                        "payload.values rows have " + width + " values, payload.sensors lists " + sensorCount);
            }
        }

        float[][] toAxes(int axes) {
            int n = size / axes;
            float[][] out = new float[axes][n];
            for (int i = 0, k = 0; i < n; i++) {
                for (int a = 0; a < axes; a++) {
                    out[a][i] = data[k++];
                }
            }
            return out;
        }
    }

    private float[][] binaryValues(Payload payload, int dataStart) {
        int axes = payload.sensors.size();
        int frame = axes * payload.binaryType.bytesPerValue();
        int length = bytes.length - dataStart;
        if (length == 0) {
            throw SampleFormatException.malformed("no binary values after the CBOR header (" + dataStart + " bytes)");
        }
        if (length % frame != 0) {
            throw SampleFormatException.malformed("binary values of " + length + " bytes are not a whole number of "
                    + axes + "-axis " + payload.binaryType.reference() + " frames (" + frame + " bytes each)");
        }
        int n = length / frame;
        ByteBuffer in = ByteBuffer.wrap(bytes, dataStart, length).order(ByteOrder.LITTLE_ENDIAN);
        float[][] out = new float[axes][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < axes; a++) {
                float v = switch (payload.binaryType) {
                    case I16 -> in.getShort();
                    case U16 -> in.getShort() & 0xFFFF;
                    case F32 -> in.getFloat();
                };
                if (!Float.isFinite(v)) {
                    throw SampleFormatException.malformed("binary value " + i + " of sensor '"
                            + payload.sensors.get(a).name() + "' is " + v);
                }
                out[a][i] = v;
            }
        }
        return out;
    }

    private void requireNothingAfter(int end) {
        for (int i = end; i < bytes.length; i++) {
            byte b = bytes[i];
            boolean blank = encoding == EiEncoding.JSON && (b == ' ' || b == '\t' || b == '\r' || b == '\n');
            if (!blank) {
                throw SampleFormatException.malformed(
                        (bytes.length - end) + " unexpected bytes after the message" + " (from byte " + end + ")");
            }
        }
    }

    /**
     * Where the current string token's characters start in {@link #bytes}, when they are stored there verbatim:
     * JSON without escapes, or CBOR definite-length text. -1 otherwise.
     */
    private int plainStringStart(String value) {
        long tokenOffset = p.currentTokenLocation().getByteOffset();
        if (tokenOffset < 0 || tokenOffset >= bytes.length) {
            return -1;
        }
        int off = (int) tokenOffset;
        byte[] expected = value.getBytes(StandardCharsets.UTF_8);
        int start;
        if (encoding == EiEncoding.JSON) {
            if (bytes[off] != '"') {
                return -1;
            }
            start = off + 1;
            if (start + expected.length >= bytes.length || bytes[start + expected.length] != '"') {
                return -1;
            }
        } else {
            int initial = bytes[off] & 0xFF;
            if (initial >> 5 != 3) {
                return -1;
            }
            int info = initial & 0x1F;
            int headerLength = info < 24 ? 1 : info == 24 ? 2 : info == 25 ? 3 : info == 26 ? 5 : info == 27 ? 9 : -1;
            if (headerLength < 0) {
                return -1;
            }
            start = off + headerLength;
            if (start + expected.length > bytes.length) {
                return -1;
            }
        }
        return Arrays.equals(bytes, start, start + expected.length, expected, 0, expected.length) ? start : -1;
    }

    private void requireStart(JsonToken expected, String path, String what) {
        if (p.currentToken() != expected) {
            throw SampleFormatException.malformed(
                    path + ": expected " + what + ", found " + describe(p.currentToken()));
        }
    }

    private String string(String path) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw SampleFormatException.malformed(path + ": expected a string, found " + describe(p.currentToken()));
        }
        return p.getString();
    }

    private String optionalString(String path) {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : string(path);
    }

    private long wholeNumber(String path) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            try {
                return p.getLongValue();
            } catch (JacksonException e) {
                throw SampleFormatException.malformed(path + ": " + p.getString() + " is out of range", e);
            }
        }
        double d = number(path);
        if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
            throw SampleFormatException.malformed(path + ": " + d + " is not a whole number");
        }
        return (long) d;
    }

    private double number(String path) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw SampleFormatException.malformed(path + ": expected a number, found " + describe(t));
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw SampleFormatException.malformed(path + ": " + d + " is not a finite number");
        }
        return d;
    }

    private float number32(String path) {
        double d = number(path);
        float f = (float) d;
        if (Float.isInfinite(f)) {
            throw SampleFormatException.malformed(path + ": " + d + " is outside the 32-bit float range");
        }
        return f;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the message";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_EMBEDDED_OBJECT -> "binary data";
            default -> t.toString();
        };
    }
}

package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes samples as Edge Impulse data acquisition messages: JSON, CBOR, or CBOR with binary values. What it writes,
 * {@link EiAcquisitionReader} reads back to an equal {@link SampleData} (values are written as integers when exact,
 * otherwise as the shortest decimal or a float32 that gives back the same float).
 *
 * <p>Single-sensor values are written as a flat list, multi-sensor values as rows. {@code device_name} and
 * {@code device_type} are written when the sample has them (Edge Impulse itself requires {@code device_type}; set it
 * before exporting for Edge Impulse). With HS256 the message is written with 64 {@code '0'} as signature, signed,
 * and the zeros overwritten with the hex HMAC.
 */
public final class EiAcquisitionWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String ZERO_SIGNATURE = "0".repeat(EiSignatureVerifier.SIGNATURE_LENGTH);

    private EiAcquisitionWriter() {}

    /**
     * The sample as a JSON message.
     *
     * @throws IllegalArgumentException for an image sample (it has no values)
     */
    public static byte[] writeJson(SampleData data, EiSigning signing) {
        requireTimeSeries(data);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + data.length() * data.axisCount() * 8);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            g.writeStartObject();
            g.writeName("protected");
            g.writeStartObject();
            g.writeStringProperty("ver", EiProtectedHeader.V1);
            g.writeStringProperty("alg", signing.algorithm().headerValue());
            if (signing.issuedAt().isPresent()) {
                g.writeNumberProperty("iat", signing.issuedAt().get());
            }
            g.writeEndObject();
            g.writeStringProperty("signature", ZERO_SIGNATURE);
            g.writeName("payload");
            g.writeStartObject();
            if (data.deviceName().isPresent()) {
                g.writeStringProperty("device_name", data.deviceName().get());
            }
            if (data.deviceType().isPresent()) {
                g.writeStringProperty("device_type", data.deviceType().get());
            }
            g.writeNumberProperty("interval_ms", data.intervalMs());
            g.writeName("sensors");
            g.writeStartArray();
            for (Sensor s : data.sensors()) {
                g.writeStartObject();
                g.writeStringProperty("name", s.name());
                g.writeStringProperty("units", s.units());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("values");
            g.writeStartArray();
            boolean flat = data.axisCount() == 1;
            for (int i = 0; i < data.length(); i++) {
                if (!flat) {
                    g.writeStartArray();
                }
                for (int a = 0; a < data.axisCount(); a++) {
                    float v = data.value(a, i);
                    if (Numbers.isCompactInteger(v)) {
                        g.writeNumber((int) v);
                    } else {
                        g.writeNumber(v);
                    }
                }
                if (!flat) {
                    g.writeEndArray();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        return signed(bytes.toByteArray(), signing);
    }

    /**
     * The sample as a CBOR message with the values inline.
     *
     * @throws IllegalArgumentException for an image sample
     */
    public static byte[] writeCbor(SampleData data, EiSigning signing) {
        requireTimeSeries(data);
        CborEncoder cbor = header(data, signing);
        boolean flat = data.axisCount() == 1;
        cbor.array(data.length());
        for (int i = 0; i < data.length(); i++) {
            if (!flat) {
                cbor.array(data.axisCount());
            }
            for (int a = 0; a < data.axisCount(); a++) {
                cbor.value(data.value(a, i));
            }
        }
        return signed(cbor.toByteArray(), signing);
    }

    /**
     * The sample as a CBOR header whose {@code values} reference binary data, followed by the values as raw
     * little-endian {@code type} elements interleaved by sensor. The reference string is padded with spaces so
     * that the data starts at a multiple of 4 bytes, as Edge Impulse devices do.
     *
     * @throws IllegalArgumentException for an image sample, or when a value does not fit {@code type} exactly
     *                                  (see {@link EiBinaryType#canHoldExactly})
     */
    public static byte[] writeCborBinary(SampleData data, EiBinaryType type, EiSigning signing) {
        requireTimeSeries(data);
        if (!type.canHoldExactly(data)) {
            throw new IllegalArgumentException("the sample's values do not all fit " + type.reference()
                    + " exactly; use " + EiBinaryType.F32.reference());
        }
        CborEncoder cbor = header(data, signing);
        cbor.startIndefiniteArray();
        int padding = (4 - cbor.size() % 4) % 4;
        // text head (1 byte) + reference + padding + break (1 byte) keeps the total a multiple of 4
        cbor.text(type.reference() + " ".repeat(padding)).breakIndefinite();
        ByteBuffer raw = ByteBuffer.allocate(data.length() * data.axisCount() * type.bytesPerValue())
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length(); i++) {
            for (int a = 0; a < data.axisCount(); a++) {
                float v = data.value(a, i);
                switch (type) {
                    case I16 -> raw.putShort((short) v);
                    case U16 -> raw.putShort((short) (int) v);
                    case F32 -> raw.putFloat(v);
                }
            }
        }
        cbor.raw(raw.array());
        return signed(cbor.toByteArray(), signing);
    }

    /** Everything up to the {@code values} key, which is written last so binary data can follow its array. */
    private static CborEncoder header(SampleData data, EiSigning signing) {
        CborEncoder cbor = new CborEncoder().map(3);
        cbor.text("protected")
                .map(signing.issuedAt().isPresent() ? 3 : 2)
                .text("ver")
                .text(EiProtectedHeader.V1)
                .text("alg")
                .text(signing.algorithm().headerValue());
        signing.issuedAt().ifPresent(iat -> cbor.text("iat").integer(iat));
        cbor.text("signature").text(ZERO_SIGNATURE);
        int fields =
                3 + (data.deviceName().isPresent() ? 1 : 0) + (data.deviceType().isPresent() ? 1 : 0);
        cbor.text("payload").map(fields);
        data.deviceName().ifPresent(name -> cbor.text("device_name").text(name));
        data.deviceType().ifPresent(type -> cbor.text("device_type").text(type));
        cbor.text("interval_ms").float64(data.intervalMs());
        cbor.text("sensors").array(data.axisCount());
        for (Sensor s : data.sensors()) {
            cbor.map(2).text("name").text(s.name()).text("units").text(s.units());
        }
        cbor.text("values");
        return cbor;
    }

    private static byte[] signed(byte[] message, EiSigning signing) {
        if (signing.hmacKey().isPresent()) {
            // find the signature where the reader will look for it, so writer and verifier cannot disagree
            int start = EiMessageParser.parse(message).signatureStart();
            EiSignatureVerifier.sign(message, start, signing.hmacKey().get());
        }
        return message;
    }

    private static void requireTimeSeries(SampleData data) {
        if (data.isImage()) {
            throw new IllegalArgumentException("an image sample has no values to write as an Edge Impulse message");
        }
    }
}

package dev.edgeforge.core.format.ei;

import static dev.edgeforge.core.format.ei.EiTestMessages.ZEROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleFormatException.Reason;
import dev.edgeforge.core.sample.Sensor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EiAcquisitionReaderTest {

    private static final String KEY = "5ed9c8b5d5b8a5e7a9c0f0a0e3c6d4b2";

    /** The example of the Edge Impulse specification, with a zero signature to be signed. */
    private static final String SPEC_EXAMPLE = """
            {
                "protected": {
                    "ver": "v1",
                    "alg": "HS256",
                    "iat": 1564128599
                },
                "signature": "%s",
                "payload": {
                    "device_name": "ac:87:a3:0a:2d:1b",
                    "device_type": "DISCO-L475VG-IOT01A",
                    "interval_ms": 10,
                    "sensors": [
                        { "name": "accX", "units": "m/s2" },
                        { "name": "accY", "units": "m/s2" },
                        { "name": "accZ", "units": "m/s2" }
                    ],
                    "values": [
                        [ -9.81, 0.03, 1.21 ],
                        [ -9.83, 0.04, 1.27 ],
                        [ -9.12, 0.03, 1.23 ],
                        [ -9.14, 0.01, 1.25 ]
                    ]
                }
            }
            """.formatted(ZEROS);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String unsigned(String payload) {
        return "{\"protected\":{\"ver\":\"v1\",\"alg\":\"none\"},\"signature\":\"\",\"payload\":" + payload + "}";
    }

    private static SampleFormatException failure(byte[] message) {
        try {
            EiAcquisitionReader.read(message, Optional.empty());
        } catch (SampleFormatException e) {
            return e;
        }
        throw new AssertionError("expected a SampleFormatException");
    }

    private static SampleFormatException failure(String json) {
        return failure(utf8(json));
    }

    @Test
    void readsTheSpecificationExampleAndVerifiesItsSignature() {
        byte[] message = EiTestMessages.signJson(SPEC_EXAMPLE, KEY);
        EiAcquisition acq = EiAcquisitionReader.read(message, Optional.of(KEY));
        assertThat(acq.encoding()).isEqualTo(EiEncoding.JSON);
        assertThat(acq.signatureStatus()).isEqualTo(EiSignatureStatus.VERIFIED);
        assertThat(acq.protectedHeader().algorithm()).isEqualTo(EiAlgorithm.HS256);
        assertThat(acq.protectedHeader().issuedAt()).contains(1564128599L);
        assertThat(acq.signature()).isEqualTo(EiTestMessages.hmacHex(utf8(SPEC_EXAMPLE), KEY));
        assertThat(acq.data().sensors())
                .containsExactly(new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"), new Sensor("accZ", "m/s2"));
        assertThat(acq.data().intervalMs()).isEqualTo(10.0);
        assertThat(acq.data().deviceName()).contains("ac:87:a3:0a:2d:1b");
        assertThat(acq.data().deviceType()).contains("DISCO-L475VG-IOT01A");
        assertThat(acq.data().axis(0)).containsExactly(-9.81f, -9.83f, -9.12f, -9.14f);
        assertThat(acq.data().axis(2)).containsExactly(1.21f, 1.27f, 1.23f, 1.25f);
    }

    @Test
    void wrongKeyOrTamperedMessageIsAnInvalidSignatureNamingIt() {
        byte[] message = EiTestMessages.signJson(SPEC_EXAMPLE, KEY);
        String signature = EiTestMessages.hmacHex(utf8(SPEC_EXAMPLE), KEY);
        assertThatThrownBy(() -> EiAcquisitionReader.read(message, Optional.of("another key")))
                .isInstanceOf(SampleFormatException.class)
                .hasMessageContaining("signature '" + signature + "' does not match")
                .extracting(e -> ((SampleFormatException) e).reason())
                .isEqualTo(Reason.INVALID_SIGNATURE);
        byte[] tampered = new String(message, StandardCharsets.UTF_8)
                .replace("-9.81", "-9.80")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EiAcquisitionReader.read(tampered, Optional.of(KEY)))
                .isInstanceOf(SampleFormatException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void hs256WithoutKeyIsReadButNotVerifiedAndNoneIsNotSigned() {
        byte[] message = EiTestMessages.signJson(SPEC_EXAMPLE, KEY);
        assertThat(EiAcquisitionReader.read(message, Optional.empty()).signatureStatus())
                .isEqualTo(EiSignatureStatus.NOT_VERIFIED);
        String none = SPEC_EXAMPLE.replace("HS256", "none");
        assertThat(EiAcquisitionReader.read(utf8(none), Optional.of(KEY)).signatureStatus())
                .isEqualTo(EiSignatureStatus.NOT_SIGNED);
    }

    @Test
    void uppercaseHexSignatureIsAccepted() {
        String signature = EiTestMessages.hmacHex(utf8(SPEC_EXAMPLE), KEY);
        byte[] upper = utf8(SPEC_EXAMPLE.replace(ZEROS, signature.toUpperCase()));
        assertThat(EiAcquisitionReader.read(upper, Optional.of(KEY)).signatureStatus())
                .isEqualTo(EiSignatureStatus.VERIFIED);
    }

    @Test
    void malformedSignaturesAreInvalid() {
        byte[] shortSig = utf8(SPEC_EXAMPLE.replace(ZEROS, "abc123"));
        assertThatThrownBy(() -> EiAcquisitionReader.read(shortSig, Optional.of(KEY)))
                .isInstanceOf(SampleFormatException.class)
                .hasMessageContaining("signature 'abc123'")
                .hasMessageContaining("64 hexadecimal");
        // an escaped character cannot be replaced by zeros in place, so it cannot be verified
        String escaped = SPEC_EXAMPLE.replace(ZEROS, "\\u0030" + "0".repeat(63));
        assertThatThrownBy(() -> EiAcquisitionReader.read(utf8(escaped), Optional.of(KEY)))
                .isInstanceOf(SampleFormatException.class)
                .extracting(e -> ((SampleFormatException) e).reason())
                .isEqualTo(Reason.INVALID_SIGNATURE);
    }

    @Test
    void singleAxisValuesMayBeFlatOrRowsAndIntervalsFractional() {
        String flat = unsigned("{\"device_type\":\"X\",\"interval_ms\":0.0625,\"sensors\":[{\"name\":\"audio\","
                + "\"units\":\"wav\"}],\"values\":[1,-2,3.5]}");
        var data = EiAcquisitionReader.read(utf8(flat), Optional.empty()).data();
        assertThat(data.axis(0)).containsExactly(1f, -2f, 3.5f);
        assertThat(data.frequencyHz()).isEqualTo(16000.0);
        String rows = unsigned("{\"device_type\":\"X\",\"interval_ms\":1,\"sensors\":[{\"name\":\"a\","
                + "\"units\":\"u\"}],\"values\":[[1],[2]]}");
        assertThat(EiAcquisitionReader.read(utf8(rows), Optional.empty()).data().axis(0))
                .containsExactly(1f, 2f);
    }

    @Test
    void fieldOrderDoesNotMatterAndUnknownFieldsAreIgnored() {
        String json = "{\"payload\":{\"values\":[[1,2]],\"extra\":{\"x\":[1,{}]},\"sensors\":[{\"units\":\"g\","
                + "\"name\":\"x\"},{\"name\":\"y\",\"units\":\"g\"}],\"interval_ms\":5},\"signature\":\"\","
                + "\"protected\":{\"alg\":\"none\",\"ver\":\"v1\",\"kid\":\"k\"}}";
        var acq = EiAcquisitionReader.read(utf8(json), Optional.empty());
        assertThat(acq.data().axis(1)).containsExactly(2f);
        assertThat(acq.data().deviceType()).isEmpty();
    }

    @Test
    void readsDeviceStyleCborWithHalfFloatInterval() {
        // as sensor_aq writes it: definite maps, indefinite values array, one value per frame, 0xFF at the end
        TestCbor c = TestCbor.deviceHeader("HS256", ZEROS, "half-0.0625", "accX", "m/s2", "accY", "m/s2")
                .bytes(0x9F)
                .array(2)
                .float32(1.5f)
                .bytes(0x20)
                .array(2)
                .bytes(0x19, 0x01, 0x00)
                .float32(-0.25f)
                .bytes(0xFF);
        byte[] message = EiTestMessages.signBytes(c.build(), KEY);
        EiAcquisition acq = EiAcquisitionReader.read(message, Optional.of(KEY));
        assertThat(acq.encoding()).isEqualTo(EiEncoding.CBOR);
        assertThat(acq.signatureStatus()).isEqualTo(EiSignatureStatus.VERIFIED);
        assertThat(acq.binaryType()).isEmpty();
        assertThat(acq.data().intervalMs()).isEqualTo(0.0625);
        assertThat(acq.data().axis(0)).containsExactly(1.5f, 256f);
        assertThat(acq.data().axis(1)).containsExactly(-1f, -0.25f);
        assertThat(acq.data().deviceType()).contains("NICLA_VISION");
    }

    @Test
    void readsDeviceStyleBinaryI16AfterThePaddedReference() {
        TestCbor c = TestCbor.deviceHeader("HS256", ZEROS, "double-10", "audio", "wav")
                .bytes(0x9F);
        int padding = (4 - c.size() % 4) % 4; // the device pads the reference so the data is 4-byte aligned
        c.bytes(0x60 + 14 + padding)
                .raw(utf8("Ref-BINARY-i16"))
                .raw(utf8(" ".repeat(padding)))
                .bytes(0xFF);
        int dataStart = c.size();
        c.int16LittleEndian(1).int16LittleEndian(-2).int16LittleEndian(32767).int16LittleEndian(-32768);
        byte[] message = EiTestMessages.signBytes(c.build(), KEY);
        assertThat(dataStart % 4).isZero();
        EiAcquisition acq = EiAcquisitionReader.read(message, Optional.of(KEY));
        assertThat(acq.binaryType()).contains(EiBinaryType.I16);
        assertThat(acq.signatureStatus()).isEqualTo(EiSignatureStatus.VERIFIED);
        assertThat(acq.data().axis(0)).containsExactly(1f, -2f, 32767f, -32768f);
        // the raw data is signed too
        message[message.length - 1] ^= 1;
        assertThatThrownBy(() -> EiAcquisitionReader.read(message, Optional.of(KEY)))
                .isInstanceOf(SampleFormatException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void binaryU16AndF32MultiAxisAreInterleaved() {
        TestCbor u = TestCbor.deviceHeader("none", "", "int-10", "a", "u", "b", "u")
                .bytes(0x9F)
                .text("Ref-Binary-u16")
                .bytes(0xFF)
                .int16LittleEndian(65535)
                .int16LittleEndian(1)
                .int16LittleEndian(2)
                .int16LittleEndian(3);
        var data = EiAcquisitionReader.read(u.build(), Optional.empty()).data();
        assertThat(data.axis(0)).containsExactly(65535f, 2f);
        assertThat(data.axis(1)).containsExactly(1f, 3f);
        TestCbor f = TestCbor.deviceHeader("none", "", "int-10", "x", "g")
                .bytes(0x9F)
                .text("Ref-BINARY-f32  ")
                .bytes(0xFF)
                .bytes(0x00, 0x00, 0xC0, 0x3F); // 1.5f little-endian
        assertThat(EiAcquisitionReader.read(f.build(), Optional.empty()).data().axis(0))
                .containsExactly(1.5f);
    }

    @Test
    void binaryErrors() {
        TestCbor partial = TestCbor.deviceHeader("none", "", "int-10", "a", "u", "b", "u")
                .bytes(0x9F)
                .text("Ref-BINARY-i16")
                .bytes(0xFF)
                .bytes(1, 2, 3, 4, 5, 6);
        assertThat(failure(partial.build()).getMessage())
                .contains("binary values of 6 bytes are not a whole number of 2-axis Ref-BINARY-i16 frames");
        TestCbor empty = TestCbor.deviceHeader("none", "", "int-10", "a", "u")
                .bytes(0x9F)
                .text("Ref-BINARY-i16")
                .bytes(0xFF);
        assertThat(failure(empty.build()).getMessage()).contains("no binary values after the CBOR header");
        TestCbor image = TestCbor.deviceHeader("none", "", "int-10", "a", "u")
                .bytes(0x9F)
                .text("Ref-BINARY-image/jpeg")
                .bytes(0xFF);
        assertThat(failure(image.build()).reason()).isEqualTo(Reason.UNSUPPORTED);
        TestCbor nan = TestCbor.deviceHeader("none", "", "int-10", "a", "u")
                .bytes(0x9F)
                .text("Ref-BINARY-f32")
                .bytes(0xFF)
                .bytes(0x00, 0x00, 0xC0, 0x7F);
        assertThat(failure(nan.build()).getMessage()).contains("binary value 0 of sensor 'a' is NaN");
        String json = unsigned("{\"interval_ms\":1,\"sensors\":[{\"name\":\"a\"}],\"values\":[\"Ref-BINARY-i16\"]}");
        assertThat(failure(json).getMessage()).contains("only the CBOR encoding");
    }

    @Test
    void structuralErrorsNameTheField() {
        String base = "{\"interval_ms\":10,\"sensors\":[{\"name\":\"x\",\"units\":\"g\"},{\"name\":\"y\","
                + "\"units\":\"g\"}],\"values\":%s}";
        assertThat(failure(unsigned(base.formatted("[[1,2],[3]]"))).getMessage())
                .contains("payload.values[1] has 1 values, payload.values[0] has 2");
        assertThat(failure(unsigned(base.formatted("[[1,2,3]]"))).getMessage())
                .contains("payload.values rows have 3 values, payload.sensors lists 2");
        assertThat(failure(unsigned(base.formatted("[1,2]"))).getMessage())
                .contains("flat list but payload.sensors lists 2");
        assertThat(failure(unsigned(base.formatted("[[1,\"abc\"]]"))).getMessage())
                .contains("payload.values[0][1]: expected a number, found a string");
        assertThat(failure(unsigned(base.formatted("[[1,null]]"))).getMessage())
                .contains("payload.values[0][1]: expected a number, found null");
        assertThat(failure(unsigned(base.formatted("[[1,[2]]]"))).getMessage())
                .contains("payload.values[0][1]: expected a number, found an array");
        assertThat(failure(unsigned(base.formatted("[[1,1e39]]"))).getMessage())
                .contains("outside the 32-bit float range");
        assertThat(failure(unsigned(base.formatted("[]"))).getMessage()).contains("payload.values is empty");
        assertThat(failure(unsigned(base.formatted("{}"))).getMessage())
                .contains("payload.values: expected an array, found an object");
        assertThat(failure(unsigned("{\"interval_ms\":10,\"sensors\":[],\"values\":[1]}"))
                        .getMessage())
                .contains("payload.sensors is empty");
        assertThat(failure(unsigned("{\"interval_ms\":10,\"sensors\":[{\"units\":\"g\"}],\"values\":[1]}"))
                        .getMessage())
                .contains("payload.sensors[0].name is missing");
        assertThat(failure(unsigned("{\"interval_ms\":10,\"sensors\":[{\"name\":\"a\"},{\"name\":\"a\"}],"
                                + "\"values\":[[1,2]]}"))
                        .getMessage())
                .contains("payload: sensor name 'a' appears twice");
        assertThat(failure(unsigned("{\"interval_ms\":0,\"sensors\":[{\"name\":\"a\"}],\"values\":[1]}"))
                        .getMessage())
                .contains("payload.interval_ms 0.0 is not > 0");
        assertThat(failure(unsigned("{\"interval_ms\":\"10\",\"sensors\":[{\"name\":\"a\"}],\"values\":[1]}"))
                        .getMessage())
                .contains("payload.interval_ms: expected a number, found a string");
        assertThat(failure(unsigned("{\"sensors\":[{\"name\":\"a\"}],\"values\":[1]}"))
                        .getMessage())
                .contains("payload.interval_ms is missing");
        assertThat(failure(unsigned("{\"interval_ms\":1,\"values\":[1]}")).getMessage())
                .contains("payload.sensors is missing");
        assertThat(failure(unsigned("{\"interval_ms\":1,\"sensors\":[{\"name\":\"a\"}]}"))
                        .getMessage())
                .contains("payload.values is missing");
    }

    @Test
    void envelopeErrors() {
        String payload = "{\"interval_ms\":1,\"sensors\":[{\"name\":\"a\"}],\"values\":[1]}";
        assertThat(failure("{\"signature\":\"\",\"payload\":" + payload + "}").getMessage())
                .contains("'protected' is missing");
        assertThat(failure("{\"protected\":{\"ver\":\"v1\",\"alg\":\"none\"},\"payload\":" + payload + "}")
                        .getMessage())
                .contains("'signature' is missing");
        assertThat(failure("{\"protected\":{\"ver\":\"v1\",\"alg\":\"none\"},\"signature\":\"\"}")
                        .getMessage())
                .contains("'payload' is missing");
        SampleFormatException v2 = failure(unsigned(payload).replace("v1", "v2"));
        assertThat(v2.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(v2.getMessage()).contains("protected.ver 'v2'");
        assertThat(failure(unsigned(payload).replace("none", "RS256")).getMessage())
                .contains("protected.alg 'RS256' is not supported");
        assertThat(failure(unsigned(payload).replace("\"alg\":\"none\"", "\"alg\":7"))
                        .getMessage())
                .contains("protected.alg: expected a string, found a number");
        assertThat(failure(unsigned(payload) + "x").getMessage()).contains("1 unexpected bytes after the message");
        assertThat(failure("{\"signature\":\"\",\"signature\":\"\"}").getMessage())
                .contains("field 'signature' appears twice");
        assertThat(failure("[1,2]").getMessage()).contains("neither a JSON object nor a CBOR map (first byte 0x5B)");
        assertThat(failure(new byte[0]).getMessage()).contains("the message is empty");
    }

    @Test
    void trailingWhitespaceAfterJsonIsFine() {
        String payload = "{\"interval_ms\":1,\"sensors\":[{\"name\":\"a\"}],\"values\":[1]}";
        assertThat(EiAcquisitionReader.read(utf8("\uFEFF " + unsigned(payload) + " \r\n"), Optional.empty())
                        .data()
                        .length())
                .isEqualTo(1);
    }

    @Test
    void truncatedMessagesAreMalformedAtEveryLength() {
        byte[] json = EiTestMessages.signJson(SPEC_EXAMPLE, KEY);
        byte[] cbor = EiAcquisitionWriter.writeCbor(
                EiAcquisitionReader.read(json, Optional.empty()).data(), EiSigning.hs256(KEY));
        for (byte[] message : List.of(json, cbor)) {
            for (int length = 0; length < message.length - 1; length++) {
                byte[] cut = Arrays.copyOf(message, length);
                if (length > 0 && new String(cut, StandardCharsets.UTF_8).isBlank()) {
                    continue;
                }
                assertThatThrownBy(() -> EiAcquisitionReader.read(cut, Optional.of(KEY)))
                        .as("truncated to %d bytes", length)
                        .isInstanceOf(SampleFormatException.class)
                        .extracting(e -> ((SampleFormatException) e).reason())
                        .isEqualTo(Reason.MALFORMED);
            }
        }
    }

    @Test
    void hugeDeclaredCborLengthsDoNotAllocate() {
        // a text string claiming 2^40 bytes, and an array claiming 2^40 items, in a 60-byte message
        byte[] hugeText = new TestCbor()
                .map(1)
                .text("signature")
                .bytes(0x7B, 0, 0, 0x01, 0, 0, 0, 0, 0)
                .bytes(0x41, 0x41)
                .build();
        assertThat(failure(hugeText).reason()).isEqualTo(Reason.MALFORMED);
        byte[] hugeArray = TestCbor.deviceHeader("none", "", "int-10", "a", "u")
                .bytes(0x9B, 0, 0, 0x01, 0, 0, 0, 0, 0)
                .bytes(0x01, 0x02)
                .build();
        assertThat(failure(hugeArray).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void nanInCborIsRefused() {
        byte[] nan = TestCbor.deviceHeader("none", "", "int-10", "a", "u")
                .array(2)
                .bytes(0x01)
                .float32(Float.NaN)
                .build();
        assertThat(failure(nan).getMessage()).contains("payload.values[1]: NaN is not a finite number");
    }

    @Test
    void streamsAreBoundedByMaxBytes() {
        byte[] json = EiTestMessages.signJson(SPEC_EXAMPLE, KEY);
        assertThat(EiAcquisitionReader.read(new ByteArrayInputStream(json), Optional.of(KEY), json.length)
                        .data()
                        .length())
                .isEqualTo(4);
        assertThatThrownBy(() ->
                        EiAcquisitionReader.read(new ByteArrayInputStream(json), Optional.of(KEY), json.length - 1))
                .isInstanceOf(SampleFormatException.class)
                .extracting(e -> ((SampleFormatException) e).reason())
                .isEqualTo(Reason.TOO_LARGE);
    }
}

package dev.edgeforge.core.format.ei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.format.SampleArbitraries;
import dev.edgeforge.core.sample.ImageInfo;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EiAcquisitionWriterTest {

    private static final String KEY = "project-hmac-key";

    @Provide
    Arbitrary<SampleData> anySample() {
        return SampleArbitraries.timeSeries(4, 60, SampleArbitraries.finiteFloats());
    }

    @Provide
    Arbitrary<SampleData> int16Sample() {
        return SampleArbitraries.timeSeries(3, 60, SampleArbitraries.wholeFloats(Short.MIN_VALUE, Short.MAX_VALUE));
    }

    @Provide
    Arbitrary<SampleData> uint16Sample() {
        return SampleArbitraries.timeSeries(3, 60, SampleArbitraries.wholeFloats(0, 65535));
    }

    @Property(tries = 150)
    void jsonRoundTrip(@ForAll("anySample") SampleData sample) {
        EiAcquisition back =
                EiAcquisitionReader.read(EiAcquisitionWriter.writeJson(sample, EiSigning.hs256(KEY)), Optional.of(KEY));
        assertThat(back.data()).isEqualTo(sample);
        assertThat(back.signatureStatus()).isEqualTo(EiSignatureStatus.VERIFIED);
        assertThat(back.encoding()).isEqualTo(EiEncoding.JSON);
    }

    @Property(tries = 150)
    void cborRoundTrip(@ForAll("anySample") SampleData sample) {
        EiAcquisition back =
                EiAcquisitionReader.read(EiAcquisitionWriter.writeCbor(sample, EiSigning.hs256(KEY)), Optional.of(KEY));
        assertThat(back.data()).isEqualTo(sample);
        assertThat(back.encoding()).isEqualTo(EiEncoding.CBOR);
        assertThat(back.binaryType()).isEmpty();
    }

    @Property(tries = 100)
    void binaryF32RoundTrip(@ForAll("anySample") SampleData sample) {
        byte[] message = EiAcquisitionWriter.writeCborBinary(sample, EiBinaryType.F32, EiSigning.hs256(KEY));
        EiAcquisition back = EiAcquisitionReader.read(message, Optional.of(KEY));
        assertThat(back.data()).isEqualTo(sample);
        assertThat(back.binaryType()).contains(EiBinaryType.F32);
    }

    @Property(tries = 100)
    void binaryI16RoundTripWithEdgeImpulseLayout(@ForAll("int16Sample") SampleData sample) {
        byte[] message = EiAcquisitionWriter.writeCborBinary(sample, EiBinaryType.I16, EiSigning.none());
        int dataStart = message.length - sample.length() * sample.axisCount() * 2;
        assertThat(dataStart % 4).isZero();
        assertThat(message[dataStart - 1] & 0xFF).isEqualTo(0xFF);
        String header = new String(message, 0, dataStart, StandardCharsets.ISO_8859_1);
        int ref = header.indexOf("Ref-BINARY-i16");
        int textLength = (message[ref - 1] & 0xFF) - 0x60; // a short CBOR text: the head byte holds the length
        assertThat(message[ref - 2] & 0xFF).as("indefinite values array").isEqualTo(0x9F);
        assertThat(ref + textLength).isEqualTo(dataStart - 1);
        assertThat(header.substring(ref + 14, dataStart - 1)).isBlank();
        EiAcquisition back = EiAcquisitionReader.read(message, Optional.of(KEY));
        assertThat(back.data()).isEqualTo(sample);
        assertThat(back.signatureStatus()).isEqualTo(EiSignatureStatus.NOT_SIGNED);
    }

    @Property(tries = 60)
    void binaryU16RoundTrip(@ForAll("uint16Sample") SampleData sample) {
        byte[] message = EiAcquisitionWriter.writeCborBinary(sample, EiBinaryType.U16, EiSigning.hs256(KEY));
        assertThat(EiAcquisitionReader.read(message, Optional.of(KEY)).data()).isEqualTo(sample);
    }

    @Test
    void signatureIsTheHmacOfTheMessageWithZeros() {
        SampleData s = SampleData.timeSeries(List.of(new Sensor("accX", "m/s2")), 10, new float[][] {{1, 2.5f}});
        byte[] json = EiAcquisitionWriter.writeJson(s, EiSigning.hs256(KEY).withIssuedAt(1700000000L));
        String text = new String(json, StandardCharsets.UTF_8);
        String signature = EiAcquisitionReader.read(json, Optional.empty()).signature();
        String zeroed = text.replace(signature, EiTestMessages.ZEROS);
        assertThat(signature).isEqualTo(EiTestMessages.hmacHex(zeroed.getBytes(StandardCharsets.UTF_8), KEY));
        assertThat(text)
                .contains("\"iat\":1700000000")
                .contains("\"values\":[1,2.5]")
                .contains("\"alg\":\"HS256\"");
        assertThat(EiAcquisitionReader.read(json, Optional.empty())
                        .protectedHeader()
                        .issuedAt())
                .contains(1700000000L);
    }

    @Test
    void unsignedMessagesCarryZeroSignature() {
        SampleData s = SampleData.timeSeries(List.of(Sensor.of("x"), Sensor.of("y")), 1, new float[][] {{1}, {2}});
        String text = new String(EiAcquisitionWriter.writeJson(s, EiSigning.none()), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\"alg\":\"none\"")
                .contains(EiTestMessages.ZEROS)
                .contains("\"values\":[[1,2]]");
    }

    @Test
    void refusesImagesAndValuesThatDoNotFitTheBinaryType() {
        assertThatThrownBy(
                        () -> EiAcquisitionWriter.writeJson(SampleData.image(new ImageInfo(2, 2, 3)), EiSigning.none()))
                .isInstanceOf(IllegalArgumentException.class);
        SampleData fractional = SampleData.timeSeries(List.of(Sensor.of("a")), 1, new float[][] {{1.5f}});
        assertThatThrownBy(() -> EiAcquisitionWriter.writeCborBinary(fractional, EiBinaryType.I16, EiSigning.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ref-BINARY-f32");
        SampleData negative = SampleData.timeSeries(List.of(Sensor.of("a")), 1, new float[][] {{-1}});
        assertThat(EiBinaryType.U16.canHoldExactly(negative)).isFalse();
        assertThat(EiBinaryType.I16.canHoldExactly(negative)).isTrue();
        assertThatThrownBy(() -> EiSigning.hs256("")).isInstanceOf(IllegalArgumentException.class);
    }
}

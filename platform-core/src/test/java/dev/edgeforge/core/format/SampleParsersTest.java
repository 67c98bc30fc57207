package dev.edgeforge.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.format.SampleFormatException.Reason;
import dev.edgeforge.core.format.csv.CsvTimestamps;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiBinaryType;
import dev.edgeforge.core.format.ei.EiSignatureStatus;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.format.image.ImageLimits;
import dev.edgeforge.core.format.wav.WavWriter;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SampleParsersTest {

    private static final SampleData ACC = SampleData.builder()
            .setSensors(List.of(new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2")))
            .setIntervalMs(10)
            .setValues(new float[][] {{1, 2, 3}, {4, 5, 6}})
            .optDeviceType("DISCO")
            .build();

    private static SampleFormatException failure(String name, byte[] bytes, SampleParseOptions options) {
        try {
            SampleParsers.parse(name, bytes, options);
        } catch (SampleFormatException e) {
            return e;
        }
        throw new AssertionError("expected a SampleFormatException");
    }

    @Test
    void readsEveryFormat() throws Exception {
        SampleParseOptions options = SampleParseOptions.defaults().withHmacKey("key");

        ParsedSample json =
                SampleParsers.parse("walk.1.json", EiAcquisitionWriter.writeJson(ACC, EiSigning.hs256("key")), options);
        assertThat(json.format()).isEqualTo(SampleFormat.JSON_EI);
        assertThat(json.data()).isEqualTo(ACC);
        assertThat(json.signatureStatus()).contains(EiSignatureStatus.VERIFIED);

        ParsedSample cbor = SampleParsers.parse(
                "walk.1.cbor", EiAcquisitionWriter.writeCborBinary(ACC, EiBinaryType.I16, EiSigning.none()), options);
        assertThat(cbor.format()).isEqualTo(SampleFormat.CBOR_EI);
        assertThat(cbor.signatureStatus()).contains(EiSignatureStatus.NOT_SIGNED);

        ParsedSample csv = SampleParsers.parse(
                "walk.csv", "timestamp,accX,accY\n0,1,4\n10,2,5\n20,3,6\n".getBytes(StandardCharsets.UTF_8), options);
        assertThat(csv.format()).isEqualTo(SampleFormat.CSV);
        assertThat(csv.data().values()).isEqualTo(ACC.values());
        assertThat(csv.csv().orElseThrow().timestamps()).isEqualTo(CsvTimestamps.MILLISECONDS);

        SampleData mono =
                SampleData.timeSeries(List.of(new Sensor("audio", "wav")), 1000.0 / 16000, new float[][] {{1, -1, 7}});
        ParsedSample wav = SampleParsers.parse("yes.wav", WavWriter.writePcm16(mono), options);
        assertThat(wav.format()).isEqualTo(SampleFormat.WAV);
        assertThat(wav.data().axis(0)).containsExactly(1f, -1f, 7f);
        assertThat(wav.wav().orElseThrow().sampleRateHz()).isEqualTo(16000);

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(5, 4, BufferedImage.TYPE_INT_ARGB), "png", png);
        ParsedSample image = SampleParsers.parse("car.png", png.toByteArray(), options.withKeepImagePixels(true));
        assertThat(image.format()).isEqualTo(SampleFormat.PNG);
        assertThat(image.data().image().orElseThrow().channels()).isEqualTo(4);
        assertThat(image.image().orElseThrow().pixels()).isPresent();
    }

    @Test
    void everyErrorNamesTheFile() {
        SampleFormatException csv = failure(
                "walk.csv", "timestamp,a,b\n0,1\n".getBytes(StandardCharsets.UTF_8), SampleParseOptions.defaults());
        assertThat(csv.getMessage()).isEqualTo("walk.csv: row 2: 2 values, header has 3");
        assertThat(csv.fileName()).contains("walk.csv");
        assertThat(csv.detail()).isEqualTo("row 2: 2 values, header has 3");
        assertThat(csv.reason()).isEqualTo(Reason.MALFORMED);

        SampleFormatException signature = failure(
                "idle.json",
                EiAcquisitionWriter.writeJson(ACC, EiSigning.hs256("right")),
                SampleParseOptions.defaults().withHmacKey("wrong"));
        assertThat(signature.reason()).isEqualTo(Reason.INVALID_SIGNATURE);
        assertThat(signature.getMessage()).startsWith("idle.json: signature '");

        assertThat(failure(
                                "info.labels",
                                "{\"version\":1,\"files\":[]}".getBytes(StandardCharsets.UTF_8),
                                SampleParseOptions.defaults())
                        .getMessage())
                .startsWith("info.labels: a labels file");
        SampleFormatException unknown = failure("blob.bin", new byte[] {0, 1, 2}, SampleParseOptions.defaults());
        assertThat(unknown.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(unknown.getMessage()).startsWith("blob.bin: not a recognised sample format");
        assertThat(failure("fake.wav", "RIFF".getBytes(StandardCharsets.UTF_8), SampleParseOptions.defaults())
                        .getMessage())
                .isEqualTo("fake.wav: too short for a WAV file (4 bytes)");
        assertThat(failure(
                                "big.png",
                                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
                                SampleParseOptions.defaults().withImageLimits(new ImageLimits(1, 1)))
                        .getMessage())
                .startsWith("big.png: PNG ends");
    }

    @Test
    void streamsAreLimitedBeforeParsing() {
        byte[] json = EiAcquisitionWriter.writeJson(ACC, EiSigning.none());
        assertThat(SampleParsers.parse("a.json", new ByteArrayInputStream(json), SampleParseOptions.defaults())
                        .data())
                .isEqualTo(ACC);
        try {
            SampleParsers.parse(
                    "a.json",
                    new ByteArrayInputStream(json),
                    SampleParseOptions.defaults().withMaxBytes(json.length - 1));
            throw new AssertionError("expected TOO_LARGE");
        } catch (SampleFormatException e) {
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.getMessage()).startsWith("a.json: larger than the limit of");
        }
    }
}

package dev.edgeforge.core.format.ei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.format.ei.SignatureVerification.Outcome;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EiSignatureVerifierTest {

    private static final SampleData SAMPLE =
            SampleData.timeSeries(List.of(new Sensor("audio", "wav")), 0.0625, new float[][] {{1, -1, 300}});

    @Test
    void validForTheRightKeyInEveryEncoding() {
        for (byte[] message : List.of(
                EiAcquisitionWriter.writeJson(SAMPLE, EiSigning.hs256("k1")),
                EiAcquisitionWriter.writeCbor(SAMPLE, EiSigning.hs256("k1")),
                EiAcquisitionWriter.writeCborBinary(SAMPLE, EiBinaryType.I16, EiSigning.hs256("k1")))) {
            SignatureVerification ok = EiSignatureVerifier.verify(message, "k1");
            assertThat(ok.outcome()).isEqualTo(Outcome.VALID);
            assertThat(ok.isValid()).isTrue();
            SignatureVerification wrong = EiSignatureVerifier.verify(message, "k2");
            assertThat(wrong.outcome()).isEqualTo(Outcome.MISMATCH);
            assertThat(wrong.detail())
                    .contains("signature '" + wrong.signature().orElseThrow() + "'");
        }
    }

    @Test
    void independentComputationAgrees() {
        for (byte[] written : List.of(
                EiAcquisitionWriter.writeCbor(SAMPLE, EiSigning.hs256("k")),
                EiAcquisitionWriter.writeCborBinary(SAMPLE, EiBinaryType.F32, EiSigning.hs256("k")))) {
            String signature =
                    EiAcquisitionReader.read(written, Optional.empty()).signature();
            byte[] zeroed = new String(written, StandardCharsets.ISO_8859_1)
                    .replace(signature, EiTestMessages.ZEROS)
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertThat(EiTestMessages.hmacHex(zeroed, "k")).isEqualTo(signature);
        }
    }

    @Test
    void notSignedMalformedAndUnreadable() {
        byte[] none = EiAcquisitionWriter.writeJson(SAMPLE, EiSigning.none());
        assertThat(EiSignatureVerifier.verify(none, "k").outcome()).isEqualTo(Outcome.NOT_SIGNED);
        String shortSig = new String(EiAcquisitionWriter.writeJson(SAMPLE, EiSigning.none()), StandardCharsets.UTF_8)
                .replace("\"none\"", "\"HS256\"")
                .replace(EiTestMessages.ZEROS, "xyz");
        SignatureVerification malformed = EiSignatureVerifier.verify(shortSig.getBytes(StandardCharsets.UTF_8), "k");
        assertThat(malformed.outcome()).isEqualTo(Outcome.MALFORMED_SIGNATURE);
        assertThat(malformed.detail()).contains("signature 'xyz'");
        SignatureVerification unreadable = EiSignatureVerifier.verify("{\"a\":".getBytes(StandardCharsets.UTF_8), "k");
        assertThat(unreadable.outcome()).isEqualTo(Outcome.UNREADABLE_MESSAGE);
        assertThat(unreadable.signature()).isEmpty();
        assertThatThrownBy(() -> EiSignatureVerifier.verify(none, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkAgainstEveryKeyAtHandTellsVerifiedUnverifiedAndInvalidApart() {
        for (byte[] message : List.of(
                EiAcquisitionWriter.writeJson(
                        SAMPLE, EiSigning.hs256("studio-key").withIssuedAt(1694887536)),
                EiAcquisitionWriter.writeCbor(SAMPLE, EiSigning.hs256("studio-key")),
                EiAcquisitionWriter.writeCborBinary(SAMPLE, EiBinaryType.I16, EiSigning.hs256("studio-key")))) {
            SignatureCheck noKeys = EiSignatureVerifier.check(message, List.of());
            assertThat(noKeys.status()).isEqualTo(EiSignatureStatus.NOT_VERIFIED);
            assertThat(noKeys.detail()).contains("no HMAC key").contains(noKeys.signature());

            SignatureCheck otherKeys = EiSignatureVerifier.check(message, List.of("device-key", "other-key"));
            assertThat(otherKeys.status()).isEqualTo(EiSignatureStatus.INVALID);
            assertThat(otherKeys.detail()).contains(otherKeys.signature()).contains("any of the 2 HMAC key(s)");

            SignatureCheck second = EiSignatureVerifier.check(message, List.of("device-key", "studio-key"));
            assertThat(second.status()).isEqualTo(EiSignatureStatus.VERIFIED);
            assertThat(second.keyIndex()).contains(1);
        }
    }

    @Test
    void checkOfAnUnsignedOrMalformedSignatureNeedsNoKey() {
        byte[] none = EiAcquisitionWriter.writeJson(SAMPLE, EiSigning.none());
        assertThat(EiSignatureVerifier.check(none, List.of()).status()).isEqualTo(EiSignatureStatus.NOT_SIGNED);
        assertThat(EiSignatureVerifier.check(none, List.of("k")).status()).isEqualTo(EiSignatureStatus.NOT_SIGNED);
        byte[] malformed = new String(none, StandardCharsets.UTF_8)
                .replace("\"none\"", "\"HS256\"")
                .replace(EiTestMessages.ZEROS, "xyz")
                .getBytes(StandardCharsets.UTF_8);
        SignatureCheck check = EiSignatureVerifier.check(malformed, List.of());
        assertThat(check.status()).as("no key could ever verify it").isEqualTo(EiSignatureStatus.INVALID);
        assertThat(check.detail()).contains("signature 'xyz'");
        // one altered value breaks a signature that was valid
        String signed = new String(EiAcquisitionWriter.writeJson(SAMPLE, EiSigning.hs256("k")), StandardCharsets.UTF_8);
        byte[] altered = signed.replace("300", "301").getBytes(StandardCharsets.UTF_8);
        assertThat(EiSignatureVerifier.check(altered, List.of("k")).status()).isEqualTo(EiSignatureStatus.INVALID);
        assertThatThrownBy(() -> EiSignatureVerifier.check(none, List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

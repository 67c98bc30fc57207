package dev.edgeforge.core.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.impulse.ImpulseJson;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DspParamsJsonTest {

    private static DspParams read(String json) {
        return ImpulseJson.mapper().readValue(json, DspParams.class);
    }

    @Test
    void everyParameterRecordRoundTrips() {
        for (DspParams p : List.of(
                new RawParams(0.5),
                new FlattenParams(2, EnumSet.of(FlattenStat.RMS, FlattenStat.KURTOSIS)),
                new SpectralAnalysisParams(1, FilterType.HIGH, 1.5, 4, 64, false, false, 3, 0.2),
                new MfeParams(0.025, 0.0125, 32, 512, 100, 7000, -60),
                new MfccParams(12, 0.025, 0.01, 26, 512, 50, 7600, 0.97, WindowFunction.HANN, 0),
                new SpectrogramParams(0.032, 0.016, 256, -70, false),
                new ImageParams(ImageNormalization.MINUS_ONE_TO_ONE))) {
            String json = ImpulseJson.mapper().writeValueAsString(p);
            assertThat(read(json)).as(json).isEqualTo(p);
        }
    }

    @Test
    void missingParametersTakeEdgeImpulseDefaults() {
        assertThat(read("{\"type\":\"mfe\"}")).isEqualTo(MfeParams.defaults());
        assertThat(read("{\"type\":\"mfcc\",\"coefficientCount\":20}"))
                .isEqualTo(new MfccParams(20, 0.02, 0.02, 32, 256, 300, 0, 0.98, WindowFunction.HAMMING, 22));
        assertThat(read("{\"type\":\"spectral-analysis\"}")).isEqualTo(SpectralAnalysisParams.defaults());
        assertThat(read("{\"type\":\"flatten\",\"stats\":[\"rms\",\"average\"]}"))
                .isEqualTo(new FlattenParams(1, EnumSet.of(FlattenStat.RMS, FlattenStat.AVERAGE)));
        assertThat(read("{\"type\":\"spectrogram\"}")).isEqualTo(SpectrogramParams.defaults());
        assertThat(read("{\"type\":\"image\"}")).isEqualTo(ImageParams.defaults());
        assertThat(read("{\"type\":\"raw\"}")).isEqualTo(RawParams.defaults());
    }
}

package dev.edgeforge.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ImageResizer;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseViolation;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.Resampler;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.RgbImage;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.sample.ImageInfo;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private static final List<Sensor> SENSORS = List.of(
            new Sensor("accX", "m/s2"),
            new Sensor("accY", "m/s2"),
            new Sensor("accZ", "m/s2"),
            new Sensor("temp", "C"));

    /** Four axes of distinct signals: sines of 1, 2 and 3 Hz plus offsets, and a slow ramp. */
    static SampleData motion(int n, double hz) {
        float[][] v = new float[4][n];
        for (int i = 0; i < n; i++) {
            double t = i / hz;
            v[0][i] = (float) (3 * Math.sin(2 * Math.PI * 1 * t));
            v[1][i] = (float) (2 * Math.sin(2 * Math.PI * 2 * t) + 0.5);
            v[2][i] = (float) (Math.sin(2 * Math.PI * 3 * t) + 9.81);
            v[3][i] = (float) (20 + t);
        }
        return SampleData.timeSeries(SENSORS, 1000 / hz, v);
    }

    private static Impulse impulse(TimeSeriesInput input, ProcessingBlock... blocks) {
        return new Impulse(1, input, List.of(blocks), List.of());
    }

    private static final ProcessingBlock RAW_Z = new ProcessingBlock(1, "Raw Z", List.of("accZ"), new RawParams(2));
    private static final ProcessingBlock FLATTEN_XY =
            new ProcessingBlock(2, "Flatten", List.of("accX", "accY"), FlattenParams.defaults());

    @Test
    void cutsWindowsAndConcatenatesBlocksInOrder() {
        // 3.5 s at 100 Hz: windows of 100 samples every 50, starting at 0, 50, …, 250
        TimeSeriesInput input = new TimeSeriesInput(1000, 500, 100, true);
        SampleData sample = motion(350, 100);
        FeatureExtractor extractor = new FeatureExtractor(impulse(input, RAW_Z, FLATTEN_XY));

        List<FeatureRow> rows = extractor.extract("s1", "wave", sample);

        assertThat(rows).hasSize(6);
        assertThat(extractor.featureLength()).isEqualTo(100 + 14);
        for (int k = 0; k < rows.size(); k++) {
            FeatureRow row = rows.get(k);
            assertThat(row.sampleId()).isEqualTo("s1");
            assertThat(row.label()).isEqualTo("wave");
            assertThat(row.windowIndex()).isEqualTo(k);
            assertThat(row.windowStartMs()).isEqualTo(500.0 * k);
            int start = 50 * k;
            float[] f = row.features();
            for (int i = 0; i < 100; i++) {
                assertThat(f[i]).isEqualTo(2 * sample.value(2, start + i));
            }
            float[][] xy = {
                Arrays.copyOfRange(sample.axis(0), start, start + 100),
                Arrays.copyOfRange(sample.axis(1), start, start + 100)
            };
            float[] flatten = FlattenParams.defaults().createBlock().compute(xy, 100);
            assertThat(Arrays.copyOfRange(f, 100, 114)).containsExactly(flatten);
        }
    }

    @Test
    void blockOrderDecidesWhereFeaturesGo() {
        TimeSeriesInput input = new TimeSeriesInput(1000, 500, 100, true);
        SampleData sample = motion(350, 100);
        float[] rawFirst = new FeatureExtractor(impulse(input, RAW_Z, FLATTEN_XY))
                .extract("s", "l", sample)
                .get(2)
                .features();
        FeatureExtractor swapped = new FeatureExtractor(impulse(input, FLATTEN_XY, RAW_Z));
        float[] flattenFirst = swapped.extract("s", "l", sample).get(2).features();

        assertThat(Arrays.copyOfRange(flattenFirst, 0, 14)).containsExactly(Arrays.copyOfRange(rawFirst, 100, 114));
        assertThat(Arrays.copyOfRange(flattenFirst, 14, 114)).containsExactly(Arrays.copyOfRange(rawFirst, 0, 100));
        assertThat(swapped.layout().blocks())
                .extracting(FeatureLayout.Block::offset)
                .containsExactly(0, 14);
        assertThat(swapped.layout().blocks())
                .extracting(FeatureLayout.Block::type)
                .containsExactly("flatten", "raw");
    }

    @Test
    void resamplesSamplesRecordedAtAnotherRate() {
        // recorded at 50 Hz, impulse at 100 Hz: 4 s becomes 400 samples, windows of 100 every 50 → 7 windows
        SampleData slow = motion(200, 50);
        TimeSeriesInput input = new TimeSeriesInput(1000, 500, 100, true);
        FeatureExtractor extractor = new FeatureExtractor(
                impulse(input, new ProcessingBlock(1, "Raw", List.of("accX"), RawParams.defaults())));

        List<FeatureRow> rows = extractor.extract("slow", "l", slow);

        assertThat(rows).hasSize(7);
        float[] resampled = Resampler.resample(slow.axis(0), 50, 100);
        assertThat(rows.get(3).features()).containsExactly(Arrays.copyOfRange(resampled, 150, 250));
        // and the resampled signal is the 1 Hz sine at the new rate (away from the edges)
        for (int i = 0; i < 100; i++) {
            assertThat((double) rows.get(3).features()[i])
                    .isCloseTo(3 * Math.sin(2 * Math.PI * (150 + i) / 100.0), within(0.03));
        }
        assertThat(rows.get(3).windowStartMs()).isEqualTo(1500.0);
    }

    @Test
    void padsShortSamplesOnlyWhenTheInputSaysSo() {
        SampleData shortSample = motion(60, 100);
        ProcessingBlock raw = new ProcessingBlock(1, "Raw", List.of("accX"), RawParams.defaults());
        List<FeatureRow> padded = new FeatureExtractor(impulse(new TimeSeriesInput(1000, 500, 100, true), raw))
                .extract("short", "l", shortSample);
        assertThat(padded).hasSize(1);
        assertThat(padded.get(0).features()[59]).isEqualTo(shortSample.value(0, 59));
        assertThat(Arrays.copyOfRange(padded.get(0).features(), 60, 100)).containsOnly(0f);
        assertThat(new FeatureExtractor(impulse(new TimeSeriesInput(1000, 500, 100, false), raw))
                        .extract("short", "l", shortSample))
                .isEmpty();
    }

    @Test
    void refusesSamplesWithoutAnAxisABlockReadsNamingIt() {
        SampleData twoAxes =
                SampleData.timeSeries(List.of(Sensor.of("accX"), Sensor.of("accY")), 10, new float[2][300]);
        FeatureExtractor extractor =
                new FeatureExtractor(impulse(new TimeSeriesInput(1000, 500, 100, true), FLATTEN_XY, RAW_Z));
        assertThatThrownBy(() -> extractor.extract("rec-17", "idle", twoAxes))
                .isInstanceOf(FeatureInputViolation.class)
                .hasMessageContaining("rec-17")
                .hasMessageContaining("'accZ'")
                .hasMessageContaining("Raw Z")
                .hasMessageContaining("[accX, accY]");
    }

    @Test
    void refusesInvalidImpulsesAndImpulsesWithoutBlocks() {
        assertThatThrownBy(() -> new FeatureExtractor(impulse(
                        new TimeSeriesInput(1000, 500, 100, true),
                        new ProcessingBlock(
                                1,
                                "Spectral",
                                List.of("accX"),
                                new SpectralAnalysisParams(1, FilterType.NONE, 3, 6, 12, true, true, 0, 0.1)))))
                .isInstanceOf(ImpulseViolation.class)
                .hasMessageContaining("fftLength");
        assertThatThrownBy(() -> new FeatureExtractor(impulse(new TimeSeriesInput(1000, 500, 100, true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no processing block");
    }

    @Test
    void audioWindowsFeedMfccAtTheInputRate() {
        int n = 24000; // 1.5 s at 16 kHz
        float[][] v = new float[1][n];
        for (int i = 0; i < n; i++) {
            v[0][i] = (float) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        SampleData clip = SampleData.timeSeries(List.of(new Sensor("audio", "wav")), 1000 / 16000.0, v);
        Impulse impulse = new Impulse(
                1,
                AudioInput.defaults(),
                List.of(
                        new ProcessingBlock(1, "MFCC", List.of("audio"), MfccParams.defaults()),
                        new ProcessingBlock(2, "MFE", List.of("audio"), MfeParams.defaults())),
                List.of());
        FeatureExtractor extractor = new FeatureExtractor(impulse);

        List<FeatureRow> rows = extractor.extract("clip", "tone", clip);

        assertThat(rows).hasSize(2); // 1 s windows every 0.5 s
        FeatureLayout layout = extractor.layout();
        FeatureShape mfcc = layout.blocks().get(0).shape();
        FeatureShape mfe = layout.blocks().get(1).shape();
        assertThat(mfcc.dims()).hasSize(2);
        assertThat(layout.length()).isEqualTo(mfcc.length() + mfe.length());
        float[] expected = MfccParams.defaults()
                .createBlock()
                .compute(new float[][] {Arrays.copyOfRange(v[0], 8000, 24000)}, 16000);
        assertThat(Arrays.copyOfRange(rows.get(1).features(), 0, mfcc.length())).containsExactly(expected);
    }

    @Test
    void imageInputResizesThePixelsIntoOneWindow() {
        int[] pixels = new int[8 * 6];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 5) << 16 | (255 - i * 3) << 8 | (i * 2);
        }
        RgbImage image = new RgbImage(8, 6, pixels);
        ImageInput input = new ImageInput(4, 4, ResizeMode.SQUASH, ColorDepth.GRAYSCALE);
        FeatureExtractor extractor = new FeatureExtractor(new Impulse(
                1,
                input,
                List.of(new ProcessingBlock(1, "Image", List.of(), new ImageParams(ImageNormalization.ZERO_TO_ONE))),
                List.of()));
        SampleData data = SampleData.image(new ImageInfo(8, 6, 3));

        List<FeatureRow> rows = extractor.extract("img", "cat", FeatureSource.ofImage(data, image));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).windowIndex()).isZero();
        assertThat(extractor.layout().blocks().get(0).shape()).isEqualTo(FeatureShape.of(4, 4, 1));
        float[] gray = ImageResizer.resize(image, input)[0];
        for (int i = 0; i < 16; i++) {
            assertThat(rows.get(0).features()[i]).isCloseTo(gray[i] / 255f, within(1e-6f));
        }
        assertThatThrownBy(() -> extractor.extract("img", "cat", FeatureSource.of(data)))
                .isInstanceOf(FeatureInputViolation.class)
                .hasMessageContaining("without its pixels");
        assertThatThrownBy(() -> extractor.extract("ts", "cat", motion(100, 100)))
                .isInstanceOf(FeatureInputViolation.class)
                .hasMessageContaining("takes images");
        FeatureExtractor timeSeries = new FeatureExtractor(impulse(new TimeSeriesInput(1000, 500, 100, true), RAW_Z));
        assertThatThrownBy(() -> timeSeries.extract("img", "cat", FeatureSource.ofImage(data, image)))
                .isInstanceOf(FeatureInputViolation.class)
                .hasMessageContaining("is an image");
    }

    @Test
    void parsedPngsBecomeRgbSourcesWhateverTheirChannels() throws Exception {
        BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x400a141e);
        rgba.setRGB(1, 0, 0xc8323c46);
        FeatureSource fromRgba = FeatureSource.of(parsePng("rgba.png", rgba));
        // transparency is flattened onto white (issue #20): 0x0a at alpha 0x40 becomes 10 × 64/255 + 255 × 191/255
        assertThat(fromRgba.image()).get().extracting(RgbImage::pixels).isEqualTo(new int[] {
            onWhite(0x400a141e), onWhite(0xc8323c46)
        });
        assertThat(onWhite(0x400a141e)).isEqualTo(0xc2c4c7); // 193.5, 196.0, 198.5 rounded

        BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 128);
        FeatureSource fromGray = FeatureSource.of(parsePng("gray.png", gray));
        assertThat(fromGray.image()).get().extracting(RgbImage::pixels).isEqualTo(new int[] {0x808080});

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(gray, "png", png);
        ParsedSample withoutPixels = SampleParsers.parse("gray.png", png.toByteArray(), SampleParseOptions.defaults());
        assertThatThrownBy(() -> FeatureSource.of(withoutPixels))
                .isInstanceOf(FeatureInputViolation.class)
                .hasMessageContaining("gray.png")
                .hasMessageContaining("keepImagePixels");
    }

    /** An ARGB pixel blended onto a white background, each channel rounded. */
    private static int onWhite(int argb) {
        double alpha = (argb >>> 24) / 255.0;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int channel = (argb >> shift) & 0xff;
            rgb |= (int) Math.round(channel * alpha + 255 * (1 - alpha)) << shift;
        }
        return rgb;
    }

    private static ParsedSample parsePng(String name, BufferedImage image) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return SampleParsers.parse(
                name, png.toByteArray(), SampleParseOptions.defaults().withKeepImagePixels(true));
    }
}

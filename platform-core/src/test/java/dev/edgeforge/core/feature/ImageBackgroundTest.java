package dev.edgeforge.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.ParameterError;
import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.ResizeMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #20: the colour transparent pixels are flattened onto is the image input block's {@code background}. The
 * photo is {@code images/transparent.png}: 8x8, left half opaque red, right half fully transparent black.
 */
class ImageBackgroundTest {

    @Test
    void featuresFlattenTransparencyOntoTheInputBlocksBackground() throws IOException {
        FeatureSource photo = FeatureSource.of(parse("transparent.png"));

        float[] white = features(new ImageInput(8, 8, ResizeMode.SQUASH, ColorDepth.RGB), photo);
        float[] gray = features(new ImageInput(8, 8, ResizeMode.SQUASH, ColorDepth.RGB, "#808080"), photo);

        // the 32 transparent pixels' 3 values are white (1.0) on white and 128/255 on gray; the opaque red ones
        // are the same on both
        assertThat(white).hasSameSizeAs(gray).hasSize(8 * 8 * 3);
        int changed = 0;
        for (int i = 0; i < white.length; i++) {
            if (white[i] != gray[i]) {
                assertThat(white[i]).as("feature %d", i).isEqualTo(1f);
                assertThat(gray[i]).as("feature %d", i).isEqualTo(128 / 255f);
                changed++;
            }
        }
        assertThat(changed).isEqualTo(32 * 3);
    }

    @Test
    void theBackgroundIsInTheJsonOnlyWhenNotWhiteAndIsChecked() {
        ImageInput white = new ImageInput(96, 96, ResizeMode.FIT_SHORTEST, ColorDepth.RGB);
        ImageInput gray = new ImageInput(96, 96, ResizeMode.FIT_SHORTEST, ColorDepth.RGB, "#80A0C0");
        Impulse impulse = new Impulse(
                1,
                gray,
                List.of(new ProcessingBlock(1, "Image", List.of(), new ImageParams(ImageNormalization.ZERO_TO_ONE))),
                List.of());

        assertThat(ImpulseJson.write(impulse)).contains("\"background\":\"#80a0c0\"");
        assertThat(ImpulseJson.read(ImpulseJson.write(impulse))).isEqualTo(impulse);
        assertThat(gray.backgroundRgb()).isEqualTo(0x80A0C0);
        // white is left out, so that impulses saved before the field keep their features' cache key
        String whiteJson = ImpulseJson.write(new Impulse(1, white, impulse.processingBlocks(), List.of()));
        assertThat(whiteJson).doesNotContain("background");
        assertThat(ImpulseJson.read(whiteJson).input()).isEqualTo(white);
        assertThat(FeatureCacheKey.Config.of(new Impulse(1, white, impulse.processingBlocks(), List.of())))
                .isNotEqualTo(FeatureCacheKey.Config.of(impulse));

        for (String bad : List.of("red", "#fff", "#12345g", "", "#1234567")) {
            List<ParameterError> errors = new ImageInput(96, 96, ResizeMode.FIT_SHORTEST, ColorDepth.RGB, bad).check();
            assertThat(errors).as(bad).hasSize(1);
            assertThat(errors.get(0).field()).isEqualTo("input.background");
            assertThat(errors.get(0).message()).contains("#rrggbb");
        }
    }

    private static float[] features(ImageInput input, FeatureSource photo) {
        FeatureExtractor extractor = new FeatureExtractor(new Impulse(
                1,
                input,
                List.of(new ProcessingBlock(1, "Image", List.of(), new ImageParams(ImageNormalization.ZERO_TO_ONE))),
                List.of()));
        return extractor.extract("photo", "cup", photo).get(0).features();
    }

    private static ParsedSample parse(String name) throws IOException {
        try (InputStream in = ImageBackgroundTest.class.getResourceAsStream("/images/" + name)) {
            return SampleParsers.parse(
                    name, in.readAllBytes(), SampleParseOptions.defaults().withKeepImagePixels(true));
        }
    }
}

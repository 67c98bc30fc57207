package dev.edgeforge.core.impulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageResizerTest {

    @Test
    void sameSizeKeepsEveryPixelExactly() {
        RgbImage image = random(17, 11, 1);
        float[][] planes = ImageResizer.resize(image, new ImageInput(17, 11, ResizeMode.SQUASH, ColorDepth.RGB));
        for (int i = 0; i < image.pixels().length; i++) {
            assertThat((int) planes[0][i]).isEqualTo((image.pixels()[i] >> 16) & 0xFF);
            assertThat((int) planes[1][i]).isEqualTo((image.pixels()[i] >> 8) & 0xFF);
            assertThat((int) planes[2][i]).isEqualTo(image.pixels()[i] & 0xFF);
        }
    }

    @Test
    void halvingAveragesTwoByTwoBlocksRoundingHalfUp() {
        // 4×2 → 2×1: each output centre lies exactly between four source centres (weights 128/128)
        int[] pixels = {0, 1, 10, 20, 2, 3, 30, 41};
        float[][] planes = ImageResizer.resize(
                new RgbImage(4, 2, pixels), new ImageInput(2, 1, ResizeMode.SQUASH, ColorDepth.RGB));
        assertThat(planes[2]).containsExactly(2f, 25f); // (0+1+2+3)/4 = 1.5 → 2; (10+20+30+41)/4 = 25.25 → 25
    }

    @Test
    void valuesAreWholeNumbersWithinTheSourceRangeForEveryMode() {
        RgbImage image = random(160, 120, 2);
        for (ResizeMode mode : ResizeMode.values()) {
            for (ColorDepth depth : ColorDepth.values()) {
                float[][] planes = ImageResizer.resize(image, new ImageInput(48, 40, mode, depth));
                for (float[] plane : planes) {
                    for (float v : plane) {
                        assertThat(v).isBetween(0f, 255f);
                        assertThat(v).isEqualTo((float) Math.rint(v));
                    }
                }
            }
        }
    }

    @Test
    void planWeightsAndTapsStayInsideTheSource() {
        ResizePlan plan = ImageResizer.plan(160, 120, new ImageInput(96, 96, ResizeMode.FIT_LONGEST, ColorDepth.RGB));
        for (ResizePlan.Axis axis : new ResizePlan.Axis[] {plan.x(), plan.y()}) {
            for (int i = 0; i < axis.first().length; i++) {
                assertThat(axis.weight()[i]).isBetween(0, ImageResizer.WEIGHT_ONE);
                assertThat(axis.second()[i] - axis.first()[i]).isBetween(0, 1);
            }
        }
        assertThat(plan.geometry().contentY0()).isEqualTo(12); // 160×120 letterboxed into 96×72 rows 12..84
        assertThat(plan.geometry().contentY1()).isEqualTo(84);
    }

    @Test
    void luminanceKeepsGreyAndWeighsGreenMost() {
        for (int v = 0; v < 256; v++) {
            assertThat(ImageResizer.luminance(v, v, v)).isEqualTo(v);
        }
        assertThat(ImageResizer.luminance(0, 255, 0)).isEqualTo(149);
        assertThat(ImageResizer.luminance(255, 0, 0)).isEqualTo(77);
        assertThat(ImageResizer.luminance(0, 0, 255)).isEqualTo(29);
    }

    @Test
    void cameraFramesRoundTripInEveryPixelFormat() {
        RgbImage image = random(8, 4, 3);
        RgbImage rgb = CameraFrame.decode(CameraFrame.encode(image, PixelFormat.RGB888), 8, 4, PixelFormat.RGB888);
        assertThat(rgb.pixels()).containsExactly(image.pixels());

        byte[] rgb565 = CameraFrame.encode(new RgbImage(2, 1, new int[] {0xFFFFFF, 0x000000}), PixelFormat.RGB565);
        assertThat(rgb565).containsExactly(0xFF, 0xFF, 0x00, 0x00);
        RgbImage widened =
                CameraFrame.decode(new byte[] {(byte) 0xF8, 0x00, 0x07, (byte) 0xE0}, 2, 1, PixelFormat.RGB565);
        assertThat(widened.pixels()).containsExactly(0xFF0000, 0x00FF00); // big-endian, top bits repeated
        RgbImage reread = CameraFrame.decode(CameraFrame.encode(image, PixelFormat.RGB565), 8, 4, PixelFormat.RGB565);
        for (int i = 0; i < image.pixels().length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int before = (image.pixels()[i] >> shift) & 0xFF;
                int after = (reread.pixels()[i] >> shift) & 0xFF;
                assertThat(Math.abs(before - after))
                        .as("5/6 bits keep the value within 7")
                        .isLessThanOrEqualTo(7);
            }
        }

        byte[] gray = CameraFrame.encode(new RgbImage(1, 1, new int[] {0x00FF00}), PixelFormat.GRAYSCALE);
        assertThat(gray).containsExactly(149);
        assertThat(CameraFrame.decode(gray, 1, 1, PixelFormat.GRAYSCALE).pixels())
                .containsExactly(0x959595);
        assertThatThrownBy(() -> CameraFrame.decode(new byte[5], 2, 1, PixelFormat.RGB888))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 6 bytes, got 5");
    }

    @Test
    void aPictureBecomesAFrameOfTheCamerasSize() {
        byte[] frame = CameraFrame.of(random(640, 480, 4), 160, 120, PixelFormat.RGB565);
        assertThat(frame).hasSize(160 * 120 * 2);
    }

    private static RgbImage random(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(0x1000000);
        }
        return new RgbImage(width, height, pixels);
    }
}

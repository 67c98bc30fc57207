package dev.edgeforge.core.impulse;

/**
 * Brings an image to an {@link ImageInput}'s size and colour depth, giving the window's colour planes with whole
 * values 0..255. Bilinear interpolation between the four nearest source pixel centres in integer arithmetic: where
 * each output pixel reads ({@link ResizeGeometry}, from the {@link ResizeMode}) becomes a {@link ResizePlan} of tap
 * indices and 8-bit weights, computed once; each value is then
 * {@code ((p00·(256−wx) + p10·wx)·(256−wy) + (p01·(256−wx) + p11·wx)·wy + 2^15) >> 16}, and grayscale is
 * {@code (77·R + 150·G + 29·B + 128) >> 8} (ITU-R BT.601 in 8-bit weights) of the interpolated RGB. Integers, so that
 * the device ({@code ef_dsp_image.c}, which gets the same plan as constants) computes exactly the same pixels, bit for
 * bit. There is no anti-aliasing pre-filter: large reductions alias, on the device as here.
 */
public final class ImageResizer {

    /** Fixed-point one of the interpolation weights. */
    public static final int WEIGHT_ONE = 256;

    private ImageResizer() {}

    /** The geometry for a source of {@code sourceWidth × sourceHeight} into {@code input}'s size. */
    public static ResizeGeometry geometry(int sourceWidth, int sourceHeight, ImageInput input) {
        int w = input.width();
        int h = input.height();
        double sx = (double) sourceWidth / w;
        double sy = (double) sourceHeight / h;
        return switch (input.resizeMode()) {
            case SQUASH -> new ResizeGeometry(sx, sy, 0, 0, 0, 0, w, h);
            case FIT_SHORTEST -> {
                double s = Math.min(sx, sy);
                yield new ResizeGeometry(s, s, (sourceWidth - w * s) / 2, (sourceHeight - h * s) / 2, 0, 0, w, h);
            }
            case FIT_LONGEST -> {
                double s = Math.max(sx, sy);
                int cw = Math.max(1, Math.min(w, (int) Math.round(sourceWidth / s)));
                int ch = Math.max(1, Math.min(h, (int) Math.round(sourceHeight / s)));
                int x0 = (w - cw) / 2;
                int y0 = (h - ch) / 2;
                double scaleX = (double) sourceWidth / cw;
                double scaleY = (double) sourceHeight / ch;
                yield new ResizeGeometry(scaleX, scaleY, -x0 * scaleX, -y0 * scaleY, x0, y0, x0 + cw, y0 + ch);
            }
        };
    }

    /** The integer plan for a source of {@code sourceWidth × sourceHeight} into {@code input}'s size. */
    public static ResizePlan plan(int sourceWidth, int sourceHeight, ImageInput input) {
        ResizeGeometry g = geometry(sourceWidth, sourceHeight, input);
        return new ResizePlan(
                g,
                axis(input.width(), sourceWidth, g.scaleX(), g.offsetX()),
                axis(input.height(), sourceHeight, g.scaleY(), g.offsetY()));
    }

    private static ResizePlan.Axis axis(int size, int sourceSize, double scale, double offset) {
        int[] first = new int[size];
        int[] second = new int[size];
        int[] weight = new int[size];
        for (int i = 0; i < size; i++) {
            double s = Math.max(0, Math.min(sourceSize - 1, (i + 0.5) * scale - 0.5 + offset));
            int i0 = (int) Math.floor(s);
            first[i] = i0;
            second[i] = Math.min(i0 + 1, sourceSize - 1);
            weight[i] = (int) Math.round((s - i0) * WEIGHT_ONE);
        }
        return new ResizePlan.Axis(first, second, weight);
    }

    /** The window of one image: {@code planes[channel][y·width + x]}, 3 planes for RGB, 1 for grayscale. */
    public static float[][] resize(RgbImage image, ImageInput input) {
        ResizePlan plan = plan(image.width(), image.height(), input);
        ResizeGeometry g = plan.geometry();
        int w = input.width();
        int h = input.height();
        boolean gray = input.colorDepth() == ColorDepth.GRAYSCALE;
        float[][] planes = new float[gray ? 1 : 3][w * h];
        int[] rgb = new int[3];
        for (int y = g.contentY0(); y < g.contentY1(); y++) {
            for (int x = g.contentX0(); x < g.contentX1(); x++) {
                sample(image, plan, x, y, rgb);
                int o = y * w + x;
                if (gray) {
                    planes[0][o] = luminance(rgb[0], rgb[1], rgb[2]);
                } else {
                    planes[0][o] = rgb[0];
                    planes[1][o] = rgb[1];
                    planes[2][o] = rgb[2];
                }
            }
        }
        return planes;
    }

    /** BT.601 luminance in 8-bit weights, rounded: 0..255 (77 + 150 + 29 = 256, so grey stays grey). */
    public static int luminance(int r, int g, int b) {
        return (77 * r + 150 * g + 29 * b + 128) >> 8;
    }

    private static void sample(RgbImage image, ResizePlan plan, int x, int y, int[] rgb) {
        int sw = image.width();
        int x0 = plan.x().first()[x];
        int x1 = plan.x().second()[x];
        int wx = plan.x().weight()[x];
        int y0 = plan.y().first()[y];
        int y1 = plan.y().second()[y];
        int wy = plan.y().weight()[y];
        int[] p = image.pixels();
        int p00 = p[y0 * sw + x0];
        int p10 = p[y0 * sw + x1];
        int p01 = p[y1 * sw + x0];
        int p11 = p[y1 * sw + x1];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            int top = ((p00 >> shift) & 0xFF) * (WEIGHT_ONE - wx) + ((p10 >> shift) & 0xFF) * wx;
            int bottom = ((p01 >> shift) & 0xFF) * (WEIGHT_ONE - wx) + ((p11 >> shift) & 0xFF) * wx;
            rgb[c] = (top * (WEIGHT_ONE - wy) + bottom * wy + (1 << 15)) >> 16;
        }
    }
}

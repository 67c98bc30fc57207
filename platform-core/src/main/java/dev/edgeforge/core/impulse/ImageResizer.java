package dev.edgeforge.core.impulse;

/**
 * Brings an image to an {@link ImageInput}'s size and colour depth, giving the window's colour planes with values in
 * 0..255 (not rounded). Bilinear interpolation between the four nearest source pixel centres; {@link ResizeMode}
 * decides the {@link ResizeGeometry}. There is no anti-aliasing pre-filter: large reductions alias, as on the
 * device, which does exactly the same ({@code ef_dsp_image.c}). Grayscale is BT.601 luminance of the interpolated
 * RGB.
 */
public final class ImageResizer {

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

    /** The window of one image: {@code planes[channel][y·width + x]}, 3 planes for RGB, 1 for grayscale. */
    public static float[][] resize(RgbImage image, ImageInput input) {
        ResizeGeometry g = geometry(image.width(), image.height(), input);
        int w = input.width();
        int h = input.height();
        boolean gray = input.colorDepth() == ColorDepth.GRAYSCALE;
        float[][] planes = new float[gray ? 1 : 3][w * h];
        double[] rgb = new double[3];
        for (int y = g.contentY0(); y < g.contentY1(); y++) {
            for (int x = g.contentX0(); x < g.contentX1(); x++) {
                sample(
                        image,
                        (x + 0.5) * g.scaleX() - 0.5 + g.offsetX(),
                        (y + 0.5) * g.scaleY() - 0.5 + g.offsetY(),
                        rgb);
                int o = y * w + x;
                if (gray) {
                    planes[0][o] = (float) (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]);
                } else {
                    planes[0][o] = (float) rgb[0];
                    planes[1][o] = (float) rgb[1];
                    planes[2][o] = (float) rgb[2];
                }
            }
        }
        return planes;
    }

    private static void sample(RgbImage image, double sx, double sy, double[] rgb) {
        int sw = image.width();
        int sh = image.height();
        sx = Math.max(0, Math.min(sw - 1, sx));
        sy = Math.max(0, Math.min(sh - 1, sy));
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        int x1 = Math.min(x0 + 1, sw - 1);
        int y1 = Math.min(y0 + 1, sh - 1);
        double fx = sx - x0;
        double fy = sy - y0;
        int[] p = image.pixels();
        int p00 = p[y0 * sw + x0];
        int p10 = p[y0 * sw + x1];
        int p01 = p[y1 * sw + x0];
        int p11 = p[y1 * sw + x1];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            double top = (1 - fx) * ((p00 >> shift) & 0xFF) + fx * ((p10 >> shift) & 0xFF);
            double bottom = (1 - fx) * ((p01 >> shift) & 0xFF) + fx * ((p11 >> shift) & 0xFF);
            rgb[c] = (1 - fy) * top + fy * bottom;
        }
    }
}

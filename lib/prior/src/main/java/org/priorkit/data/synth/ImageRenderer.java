package org.priorkit.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a {@link StudyCase} into pixels: anatomy, then findings, then the device, then the acquisition
 * (unsharpness, exposure, noise). Each stage draws from its own random stream derived from the image
 * seed, so removing the findings of a case leaves its anatomy and noise untouched (tests rely on that).
 *
 * <p>Difficulty d in [0, 1] lowers finding contrast (1.3 - 0.7 d), raises noise (sigma 0.012 + 0.045 d of
 * full range) and widens exposure variation; {@link Anatomy#sample} widens anatomical variation with d.
 */
final class ImageRenderer {

    private static final int GAMMA_STEPS = 4096;

    private ImageRenderer() {}

    /** Draws a frontal image of {@code c} at {@code size x size} pixels. */
    public static RenderedImage render(StudyCase c, int size, double difficulty, long seed) {
        Anatomy anatomy = FindingPainter.adjust(c.anatomy(), c.findings());
        PatientFrame frame = PatientFrame.of(anatomy, size);
        Layers layers = AnatomyPainter.paint(anatomy, frame, new SplittableRandom(RandomStreams.of(seed, 1, 0)));
        double contrast = 1.3 - 0.7 * difficulty;
        List<Finding> findings = new ArrayList<>();
        for (int k = 0; k < c.findings().size(); k++) {
            SplittableRandom rng = new SplittableRandom(RandomStreams.of(seed, 2, k));
            findings.add(FindingPainter.paint(c.findings().get(k), anatomy, frame, layers, contrast, rng));
        }
        DevicePainter.paint(c, anatomy, frame, layers.density());
        float[] image = new float[size * size];
        for (int i = 0; i < image.length; i++) {
            image[i] = layers.density()[i] + layers.markings()[i] * layers.lung()[i];
        }
        image = blur(image, size, Math.max(1, size / 160));
        byte[] pixels = expose(image, size, difficulty, c.view(), new SplittableRandom(RandomStreams.of(seed, 3, 0)));
        return new RenderedImage(size, pixels, List.copyOf(findings), anatomy);
    }

    /** Exposure (gain, offset, gamma, a tilt across the film), quantum noise, then 8 bits. */
    static byte[] expose(float[] image, int size, double difficulty, String view, SplittableRandom rng) {
        double spread = 0.5 + difficulty;
        double gain = 1.45 * (1 + 0.08 * spread * rng.nextGaussian());
        double offset = -0.02 + 0.03 * spread * rng.nextGaussian();
        double gamma = Math.exp(0.12 * spread * rng.nextGaussian());
        double tiltX = 0.04 * spread * rng.nextGaussian(), tiltY = 0.04 * spread * rng.nextGaussian();
        double sigma = (0.012 + 0.045 * difficulty) * (view.equals("AP") ? 1.3 : 1.0);
        float[] curve = new float[GAMMA_STEPS + 1];          // gamma as a table: pow per pixel is slow
        for (int k = 0; k <= GAMMA_STEPS; k++) {
            curve[k] = (float) Math.pow((double) k / GAMMA_STEPS, gamma);
        }
        byte[] out = new byte[size * size];
        for (int r = 0; r < size; r++) {
            double tilt = tiltY * ((r + 0.5) / size - 0.5);
            for (int c = 0; c < size; c++) {
                int i = r * size + c;
                double v = offset + gain * image[i] + tilt + tiltX * ((c + 0.5) / size - 0.5);
                v = curve[(int) (Math.min(1, Math.max(0, v)) * GAMMA_STEPS)] + sigma * rng.nextGaussian();
                int q = (int) (255 * v + 0.5);
                out[i] = (byte) (q < 0 ? 0 : q > 255 ? 255 : q);
            }
        }
        return out;
    }

    /** Separable [1 2 1] / 4 blur, applied {@code passes} times (film and detector unsharpness). */
    static float[] blur(float[] in, int size, int passes) {
        float[] a = in.clone(), b = new float[in.length];
        for (int p = 0; p < passes; p++) {
            for (int y = 0; y < size; y++) {
                int row = y * size;
                for (int x = 0; x < size; x++) {
                    float l = a[row + Math.max(0, x - 1)], r = a[row + Math.min(size - 1, x + 1)];
                    b[row + x] = 0.25f * l + 0.5f * a[row + x] + 0.25f * r;
                }
            }
            for (int y = 0; y < size; y++) {
                int up = Math.max(0, y - 1) * size, down = Math.min(size - 1, y + 1) * size;
                for (int x = 0; x < size; x++) {
                    a[y * size + x] = 0.25f * b[up + x] + 0.5f * b[y * size + x] + 0.25f * b[down + x];
                }
            }
        }
        return a;
    }
}

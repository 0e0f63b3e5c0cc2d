package org.priorkit.data.augment;

import org.priorkit.data.image.GrayImage;

import java.util.List;
import java.util.Random;

/**
 * Mirrors the image left-right with probability {@code probability}.
 *
 * <p>With a paired report the flip also swaps the report's side words ({@link LateralitySwap}). A chest
 * X-ray is read as if facing the patient: the patient's left is on the image's right. Mirroring the image
 * moves a left effusion to where a right one would be, so an unchanged report ("small left pleural
 * effusion") would now contradict the picture, and PRIOR's sentence-to-region alignment would learn the
 * wrong side. The two sensible choices were (a) swap left and right in the text, or (b) never flip a
 * paired image. This class does (a): it keeps the paper's flip augmentation and keeps image and text
 * consistent. What (a) cannot fix is anatomy: the heart and aortic knob now sit on the "wrong" side, like
 * situs inversus, and burned-in "L"/"R" markers are mirrored. Whoever prefers (b) sets probability 0.
 * For image-only tasks with masks or boxes, flip those with the same draw (not done here).
 *
 * @param probability chance of a flip, in [0, 1] (paper: 0.5)
 */
public record HorizontalFlip(double probability) {

    public HorizontalFlip {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
    }

    /** Draws once from {@code random}: flip or not. */
    public boolean draw(Random random) {
        return random.nextDouble() < probability;
    }

    /** Image alone (no text to keep consistent). */
    public GrayImage apply(GrayImage image, Random random) {
        return draw(random) ? mirror(image) : image;
    }

    /** Image and report flipped together: one draw decides both. */
    public ImageReportPair apply(GrayImage image, List<String> sentences, Random random) {
        boolean flip = draw(random);
        return flip ? new ImageReportPair(mirror(image), LateralitySwap.swap(sentences), true)
                : new ImageReportPair(image, sentences, false);
    }

    /** Column x becomes column W-1-x. */
    public static GrayImage mirror(GrayImage image) {
        int w = image.width();
        float[] out = new float[image.pixels().length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = image.pixels()[y * w + (w - 1 - x)];
            }
        }
        return new GrayImage(image.height(), w, out);
    }
}

package org.priorkit.viz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.priorkit.data.image.GrayImage;
import org.priorkit.data.image.Normalization;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagesAndOverlaysTest {

    static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static int gray(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 255;
    }

    @Test
    void normalisedTensorIsDenormalisedBack() {
        float[] raw = {0f, 0.25f, 0.5f, 1f, 0.75f, 0.1f}; // (2, 3) in [0, 1]
        NDArray x = manager.create(Normalization.PRIOR.apply(raw), new Shape(1, 2, 3)); // (1, H, W) as the model sees it
        BufferedImage img = Images.of(x, Normalization.PRIOR);
        assertEquals(3, img.getWidth());
        assertEquals(2, img.getHeight());
        assertEquals(0, gray(img, 0, 0));
        assertEquals(64, gray(img, 1, 0));
        assertEquals(255, gray(img, 0, 1));
        assertEquals(191, gray(img, 1, 1));
        assertEquals(gray(Images.of(new GrayImage(2, 3, raw)), 2, 1), gray(img, 2, 1), 1); // 0.1 -> 25 or 26 after float rounding
    }

    @Test
    void rejectsABatch() {
        assertThrows(IllegalArgumentException.class, () -> Images.of(manager.zeros(new Shape(2, 4, 4)), Normalization.NONE));
    }

    @Test
    void scaledStretchesToBlackAndWhite() {
        BufferedImage img = Images.scaled(manager.create(new float[] {-3f, 5f}, new Shape(1, 2)));
        assertEquals(0, gray(img, 0, 0));
        assertEquals(255, gray(img, 1, 0));
    }

    /** attention.png cut its sentences at 40 characters: long captions now wrap under the picture. */
    @Test
    void longCaptionsWrapOntoAtMostFourLines() {
        java.awt.FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        String sentence = "Moderate right lower lobe consolidation is present, with air bronchograms.";
        List<String> lines = Images.wrap(fm, sentence, 128, 4);
        assertTrue(lines.size() > 1 && lines.size() <= 4, lines.toString());
        assertEquals(sentence, String.join(" ", lines), "nothing cut when four lines hold it");
        lines.forEach(l -> assertTrue(fm.stringWidth(l) <= 128, l));
        List<String> cut = Images.wrap(fm, sentence.repeat(4), 128, 4);
        assertEquals(4, cut.size());
        assertTrue(cut.get(3).endsWith("…") && fm.stringWidth(cut.get(3)) <= 128, cut.toString());
        BufferedImage a = new BufferedImage(128, 64, BufferedImage.TYPE_INT_RGB);
        BufferedImage g = Images.grid(List.of(a, a), 2, List.of(sentence, "short"));
        assertEquals(64 + lines.size() * 13 + 2 * 4, g.getHeight(), "room for the longest caption");
    }

    @Test
    void aLegendStripNamesTheColours() {
        BufferedImage a = new BufferedImage(200, 50, BufferedImage.TYPE_INT_RGB);
        BufferedImage l = Images.withLegend(a, new java.util.LinkedHashMap<>(java.util.Map.of("truth", Color.GREEN)));
        assertEquals(70, l.getHeight());
        assertEquals(Color.GREEN.getRGB(), l.getRGB(10, 10), "the colour square");
        assertEquals(a.getRGB(0, 0), l.getRGB(0, 20), "the picture below the strip");
    }

    @Test
    void gridAndEnlargeSizes() {
        BufferedImage a = Images.of(new GrayImage(8, 8, new float[64]));
        assertEquals(24, Images.enlarge(a, 3).getWidth());
        BufferedImage g = Images.grid(List.of(a, a, a), 2);
        assertEquals(2 * 8 + 3 * 4, g.getWidth());
        assertEquals(2 * 8 + 3 * 4, g.getHeight());
        assertEquals(0xFFFFFF, g.getRGB(0, 0) & 0xFFFFFF); // white gap
        assertEquals(0, g.getRGB(4, 4) & 0xFFFFFF); // the first (black) picture
    }

    @Test
    void heatmapIsRedWhereAttentionIsHighAndBlueWhereLow() {
        BufferedImage base = Images.of(new GrayImage(16, 16, new float[256]));
        NDArray att = manager.create(new float[] {1f, 0f, 0f, 0f}, new Shape(2, 2)); // top-left cell attended
        BufferedImage over = Overlays.heatmap(base, att, 1f);
        Color topLeft = new Color(over.getRGB(0, 0));
        Color bottomRight = new Color(over.getRGB(15, 15));
        assertTrue(topLeft.getRed() > 200 && topLeft.getBlue() < 50, topLeft.toString());
        assertTrue(bottomRight.getBlue() > 100 && bottomRight.getRed() < 50, bottomRight.toString());
        assertEquals(0, base.getRGB(0, 0) & 0xFFFFFF); // the input is not changed
    }

    @Test
    void maskPaintsOnlyItsPixels() {
        BufferedImage base = Images.of(new GrayImage(2, 2, new float[4]));
        BufferedImage m = Overlays.mask(base, new float[] {0, 1, 0, 0}, Color.RED, 1f);
        assertEquals(0xFF0000, m.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(0, m.getRGB(0, 0) & 0xFFFFFF);
        assertThrows(IllegalArgumentException.class, () -> Overlays.mask(base, new float[3], Color.RED, 1f));
    }

    @Test
    void boxesDrawTheirEdgeNotTheirInside() {
        BufferedImage base = Images.of(new GrayImage(64, 64, new float[64 * 64]));
        BufferedImage b = Overlays.boxes(base, new double[][] {{10, 10, 20, 20}}, Color.GREEN, null);
        assertTrue(new Color(b.getRGB(10, 20)).getGreen() > 100); // left edge
        assertEquals(0, b.getRGB(20, 20) & 0xFFFFFF); // inside
    }
}

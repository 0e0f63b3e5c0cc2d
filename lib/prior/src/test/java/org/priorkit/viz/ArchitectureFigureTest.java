package org.priorkit.viz;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureFigureTest {

    /** Pixels of exactly the highlight colour: only the highlighted part's boxes are filled with it. */
    private static int highlighted(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += img.getRGB(x, y) == ArchitectureFigure.HIGHLIGHT.getRGB() ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void onlyTheNamedPartsAreHighlighted() {
        BufferedImage plain = ArchitectureFigure.draw();
        assertEquals(ArchitectureFigure.WIDTH, plain.getWidth());
        assertEquals(ArchitectureFigure.HEIGHT, plain.getHeight());
        assertEquals(0, highlighted(plain, 0, 0, plain.getWidth(), plain.getHeight()));

        BufferedImage local = ArchitectureFigure.draw(ArchitectureFigure.Part.LOCAL_ALIGNMENT);
        int inLocalBox = highlighted(local, 280, 150, 550, 206);
        assertTrue(inLocalBox > 0.5 * 270 * 56, "the local alignment box is filled: " + inLocalBox);
        assertEquals(inLocalBox, highlighted(local, 0, 0, local.getWidth(), local.getHeight()), "nothing else is");

        BufferedImage two = ArchitectureFigure.draw(ArchitectureFigure.Part.IMAGE_RECONSTRUCTION,
                ArchitectureFigure.Part.REPORT_RECONSTRUCTION);
        assertTrue(highlighted(two, 755, 70, 948, 116) > 0 && highlighted(two, 755, 250, 948, 296) > 0);
        assertEquals(0, highlighted(two, 0, 0, 740, ArchitectureFigure.HEIGHT));
    }
}

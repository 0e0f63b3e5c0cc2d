package org.priorkit.data.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResizeTest {

    @Test
    void bilinearUpsamplingMatchesPyTorchAlignCornersFalse() {
        // torch.nn.functional.interpolate(torch.tensor([[[[0., 1.]]]]), size=(1, 4),
        //     mode="bilinear", align_corners=False) -> [0, 0.25, 0.75, 1]
        GrayImage out = Resize.bilinear(new GrayImage(1, 2, new float[] {0f, 1f}), 1, 4);
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, out.pixels(), 1e-6f);
    }

    @Test
    void bilinearDownsamplingAveragesNeighbours() {
        GrayImage in = new GrayImage(2, 2, new float[] {0f, 1f, 1f, 0f});
        assertArrayEquals(new float[] {0.5f}, Resize.bilinear(in, 1, 1).pixels(), 1e-6f);
        assertSame(in, Resize.bilinear(in, 2, 2));
    }

    @Test
    void nearestKeepsMasksBinary() {
        GrayImage mask = new GrayImage(2, 2, new float[] {1f, 0f, 0f, 1f});
        GrayImage up = Resize.nearest(mask, 4, 4);
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1}, up.pixels());
        GrayImage down = Resize.nearest(up, 2, 2);
        assertArrayEquals(mask.pixels(), down.pixels());
    }

    @Test
    void normalizationUsesThePaperStatistics() {
        float[] out = Normalization.PRIOR.apply(new float[] {0.4755f, 0.7766f});
        assertEquals(0f, out[0], 1e-6);
        assertEquals(1f, out[1], 1e-5);
        assertThrows(IllegalArgumentException.class, () -> new Normalization(0f, 0f));
        assertThrows(IllegalArgumentException.class, () -> new GrayImage(2, 2, new float[3]));
    }
}

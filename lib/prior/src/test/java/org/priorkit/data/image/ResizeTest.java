package org.priorkit.data.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResizeTest {

    private static float[] floats(JsonElement array) {
        var list = array.getAsJsonArray().asList();
        float[] values = new float[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i).getAsFloat();
        }
        return values;
    }

    /** golden/resize_bilinear.json: PIL's BILINEAR on a 7 x 9 float image (src/test/python/resize_golden.py). */
    @Test
    void matchesPillowBilinear() throws IOException {
        JsonObject golden;
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/golden/resize_bilinear.json")), StandardCharsets.UTF_8)) {
            golden = JsonParser.parseReader(in).getAsJsonObject();
        }
        GrayImage source = new GrayImage(golden.get("height").getAsInt(), golden.get("width").getAsInt(),
                floats(golden.get("source")));
        for (JsonElement c : golden.getAsJsonArray("cases")) {
            JsonObject g = c.getAsJsonObject();
            int h = g.get("height").getAsInt();
            int w = g.get("width").getAsInt();
            GrayImage out = new Resize(h, w).apply(source);
            assertArrayEquals(floats(g.get("pixels")), out.pixels(), 1e-5f, h + " x " + w);
        }
    }

    @Test
    void enlargingTwoPixelsByHand() {
        GrayImage out = new Resize(1, 4).apply(new GrayImage(1, 2, new float[] {0f, 1f}));
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, out.pixels(), 1e-6f);
    }

    @Test
    void shrinkingAveragesWhatEachOutputPixelCovers() {
        // 4 -> 2: output 0 is centred at 1.0 with taps 0, 1, 2 weighted .75, .75, .25 (filter radius 2)
        GrayImage out = new Resize(1, 2).apply(new GrayImage(1, 4, new float[] {0f, 1f, 2f, 3f}));
        assertEquals((0 * .75f + 1 * .75f + 2 * .25f) / 1.75f, out.pixels()[0], 1e-6f);
        float[] constant = new float[64 * 48];
        Arrays.fill(constant, 0.3f);
        GrayImage flat = new Resize(13, 17).apply(new GrayImage(64, 48, constant));
        for (float p : flat.pixels()) {
            assertEquals(0.3f, p, 1e-6f);
        }
    }

    @Test
    void theSameSizeKeepsEveryPixel() {
        float[] px = new float[12 * 7];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) Math.sin(i * 0.37);
        }
        assertArrayEquals(px, new Resize(12, 7).apply(new GrayImage(12, 7, px)).pixels());
    }

    @Test
    void nearestKeepsMasksBinary() {
        GrayImage mask = new GrayImage(2, 2, new float[] {1f, 0f, 0f, 1f});
        GrayImage up = Resize.nearest(mask, 4, 4);
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1}, up.pixels());
        GrayImage down = Resize.nearest(up, 2, 2);
        assertArrayEquals(mask.pixels(), down.pixels());
        assertSame(mask, Resize.nearest(mask, 2, 2));
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

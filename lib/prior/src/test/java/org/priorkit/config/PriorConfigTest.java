package org.priorkit.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PriorConfigTest {

    @Test
    void paperPresetMatchesTheMethod() {
        PriorConfig p = PriorConfig.paper();
        assertEquals(50, p.image().depth());
        assertEquals(224, p.image().imageSize());
        assertEquals(2048, p.image().featureChannels());
        assertEquals(7, p.image().featureSize());
        assertEquals(768, p.embedDim());
        assertEquals(512, p.prototypes());
        assertEquals(16, p.queries());
        assertEquals(8, p.decoderLayers());
        assertEquals(12, p.text().layers());
        assertTrue(p.augment(), "the paper rotates and flips");
        assertFalse(PriorConfig.tiny().augment(), "the tiny preset does not (lib/README)");
        // the notebook preset: the tiny model, stages cut short
        PriorConfig nb = PriorConfig.notebook();
        assertEquals(PriorConfig.tiny().withStages(nb.stages()).withSeed(nb.seed()).embedDim(), nb.embedDim());
        assertEquals(java.util.List.of(800L, 80L, 80L), nb.stages().stream().map(s -> s.steps(216)).toList());
        assertEquals(java.util.List.of(720L, 80L, 80L), nb.stages().stream().map(s -> s.steps(90)).toList(),
                "a stage still ends after its epochs when they are fewer steps");
        assertEquals("notebook", PriorConfig.preset("notebook").preset());
        assertTrue(PriorConfig.tiny().withAugment(true).augment());
        assertEquals(3, p.stages().size());
        assertEquals(10.0, p.stages().get(2).lossWeights().get("global"));
        assertEquals(5e-6, p.stages().get(2).peakLr());
        assertFalse(p.stages().get(0).usePrototypes());
        assertTrue(p.stages().get(1).usePrototypes());
    }

    @Test
    void tinyPresetIsSmall() {
        PriorConfig t = PriorConfig.preset("tiny");
        assertEquals(128, t.image().featureChannels());
        assertEquals(2, t.image().featureSize());
        assertEquals(t, PriorConfig.tiny().withSeed(42));
    }

    @Test
    void invalidValuesNameTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ImageEncoderConfig(20, 224, 1, 8))
                .getMessage().contains("image.depth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ImageEncoderConfig(18, 100, 1, 8))
                .getMessage().contains("multiple of 32"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TextEncoderConfig(100, 2, 64, 5, 128, 64, 8))
                .getMessage().contains("divisible"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new StageConfig("x", 1, 1e-4, 0, 0, Map.of("globl", 1.0), false))
                .getMessage().contains("unknown loss term 'globl'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PriorConfig.preset("huge"))
                .getMessage().contains("tiny, notebook, paper"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new StageConfig("x", 1, 1e-4, 0, 0, Map.of("global", 1.0), false, -1))
                .getMessage().contains("maxSteps"));
        assertThrows(IllegalArgumentException.class, () -> PriorConfig.tiny().withStages(java.util.List.of()));
    }

    @Test
    void withEpochsShrinksWarmup() {
        StageConfig s = PriorConfig.paper().stages().get(2).withEpochs(2);
        assertEquals(2, s.epochs());
        assertEquals(2.0, s.warmupEpochs());
    }
}

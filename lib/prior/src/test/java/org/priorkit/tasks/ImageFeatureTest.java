package org.priorkit.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.config.PriorConfig;
import org.priorkit.model.PriorModel;
import org.priorkit.tasks.classification.ClassificationConfig;
import org.priorkit.tasks.classification.ClassificationConfig.Dataset;
import org.priorkit.tasks.classification.ClassificationConfig.Mode;

import static org.junit.jupiter.api.Assertions.*;

class ImageFeatureTest {

    @Test
    void backboneIsThePooledLastMapAndProjectedTheGlobalEmbedding() {
        try (NDManager m = NDManager.newBaseManager()) {
            PriorConfig c = TaskFixtures.micro().withText(TaskFixtures.micro().text().withVocabSize(40));
            PriorModel model = PriorModel.create(c, m);
            int s = c.image().imageSize();
            NDArray x = m.randomNormal(new Shape(3, 1, s, s));
            PriorModel.ImageFeatures f = model.encodeImage(new ParameterStore(m, false), x, false);
            NDArray backbone = ImageFeature.BACKBONE.of(f);
            assertEquals(new Shape(3, ImageFeature.BACKBONE.width(c)), backbone.getShape());
            assertEquals(c.image().featureChannels(), ImageFeature.BACKBONE.width(c));
            assertArrayEquals(f.map().mean(new int[] {3}).mean(new int[] {2}).toFloatArray(), backbone.toFloatArray(), 1e-4f);
            assertEquals(new Shape(3, c.embedDim()), ImageFeature.PROJECTED.of(f).getShape());
            assertArrayEquals(f.global().toFloatArray(), ImageFeature.PROJECTED.of(f).toFloatArray());
        }
    }

    @Test
    void probesReadTheBackboneByDefaultAndNamesParse() {
        assertEquals(ImageFeature.BACKBONE, ClassificationConfig.defaults(Dataset.RSNA, Mode.LINEAR_PROBE).feature());
        assertEquals(ImageFeature.PROJECTED, ImageFeature.parse(" Projected"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFeature.parse("pooled"));
        assertTrue(e.getMessage().contains("backbone, projected"), e.getMessage());
    }
}

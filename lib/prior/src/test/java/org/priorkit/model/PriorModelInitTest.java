package org.priorkit.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.priorkit.config.PriorConfig;
import org.priorkit.nn.StateDict;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.priorkit.nn.WeightStats.maxAbs;
import static org.priorkit.nn.WeightStats.std;

/** PriorModel's weights start as BERT's, the official code's and PyTorch's (see {@link org.priorkit.nn.Init}). */
class PriorModelInitTest {

    @Test
    void priorModelUsesBertAndOfficialInits() {
        try (NDManager m = NDManager.newBaseManager()) {
            PriorConfig c = PriorConfig.tiny().withText(PriorConfig.tiny().text().withVocabSize(50));
            PriorModel model = PriorModel.create(c, m);
            Map<String, Parameter> p = StateDict.named(model);
            // BERT: every weight N(0, 0.02), embeddings included; LayerNorm starts at 1
            assertEquals(0.02, std(p.get("text.encoder.layer.0.attention.self.query.weight").getArray()), 0.003);
            assertEquals(0.02, std(p.get("text.encoder.layer.1.intermediate.dense.weight").getArray()), 0.003);
            assertEquals(0.02, std(p.get("text.embeddings.word_embeddings.weight").getArray()), 0.003);
            assertEquals(1.0, p.get("text.encoder.layer.0.output.LayerNorm.weight").getArray().mean().getFloat(), 1e-6);
            // projections: N(0, width^-1/2) as the official code
            int c5 = c.image().featureChannels();
            assertEquals(Math.pow(c5, -0.5), std(p.get("image_local.weight").getArray()), 0.1 * Math.pow(c5, -0.5));
            // attention pooling: PyTorch's default
            double bound = 1 / Math.sqrt(c5);
            assertTrue(maxAbs(p.get("image.attnpool.q_proj.weight").getArray()) <= bound);
            // the sentence prototypes: N(0, 1), as the official nn.Embedding
            assertEquals(1.0, std(p.get("prototypes.codebook").getArray()), 0.1);
            // the ResNet keeps He's normal (as torchvision): conv1 is 7x7 over 1 channel
            assertEquals(Math.sqrt(2.0 / 49), std(p.get("image.backbone.conv1.weight").getArray()), 0.02);
        }
    }
}

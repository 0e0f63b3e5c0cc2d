package org.priorkit.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import org.priorkit.model.PriorModel;

/**
 * Where each sentence of a report looks in its image: the sentence-to-region attention of local
 * alignment, as maps over the last feature map's cells. What run-all's figure draws.
 */
public final class SentenceAttention {

    private SentenceAttention() {}

    /**
     * (B, S, h, w) attention of every sentence slot over the h x w cells of the image's last map, in
     * eval mode (no dropout, no Gumbel noise); padded slots are 0. With {@code usePrototypes} the
     * sentences' prototypes attend, as in stages 2 and 3.
     */
    public static NDArray maps(PriorModel model, PretrainBatch batch, boolean usePrototypes, ParameterStore ps) {
        PriorModel.ImageFeatures img = model.encodeImage(ps, batch.images(), false);
        PriorModel.TextFeatures txt = model.encodeText(ps, batch.ids(), batch.attentionMask(), batch.sentenceIndex(),
                false);
        NDArray sentences = usePrototypes
                ? model.prototypes().forward(ps, new NDList(txt.sentences(), txt.sentenceMask()), false).get(0)
                : txt.sentences(); // (B, S, D)
        NDArray attention = model.local().forward(ps, new NDList(img.tokens(), sentences, txt.sentenceMask()), false)
                .get(2); // (B, S, I)
        long b = attention.getShape().get(0);
        long s = attention.getShape().get(1);
        return attention.reshape(b, s, img.map().getShape().get(2), img.map().getShape().get(3)); // (B, S, h, w)
    }
}

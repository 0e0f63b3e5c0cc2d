package org.priorkit.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.priorkit.align.GlobalAlignmentLoss;
import org.priorkit.align.LocalImageLoss;
import org.priorkit.align.LocalTextLoss;
import org.priorkit.config.StageConfig;
import org.priorkit.model.PriorModel;
import org.priorkit.proto.PrototypeL1Loss;
import org.priorkit.recon.ImageReconstructionLoss;
import org.priorkit.recon.ReportReconstructionLoss;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PRIOR's loss terms for one batch, as the stage asks for them (METHOD.md, "Three-stage schedule"):
 *
 * <ul>
 *   <li>{@code global}: InfoNCE between image and report globals;</li>
 *   <li>{@code local_image}, {@code local_text}: the two directions of local alignment;</li>
 *   <li>{@code prototype_l1}: sentence features vs their prototypes (stage 2 on, where prototypes
 *       also replace the sentences in local alignment and report pooling);</li>
 *   <li>{@code image_reconstruction}, {@code report_l1}, {@code report_kl},
 *       {@code report_global_prediction}: cross-modality conditional reconstruction (stage 3).</li>
 * </ul>
 * Terms the stage does not weight are not computed, so the ablation ladder's rungs cost only what
 * they use. Batch: [images (B,1,H,W), ids (B,T), attentionMask (B,T), sentenceIndex (B,T)].
 */
public final class PriorObjective implements Objective {

    private final PriorModel model;

    public PriorObjective(PriorModel model) {
        this.model = model;
    }

    public PriorModel model() {
        return model;
    }

    @Override
    public Block block() {
        return model;
    }

    /**
     * What one forward pass over a batch (or one shard of it) gives: every per-sample term the stage
     * asks for, and the two features the batch-level global term needs. {@link DataParallelObjective}
     * gathers {@code imageGlobal} and {@code report} from every device before the global InfoNCE, so
     * each pair still has all of the batch as negatives.
     *
     * @param terms       unweighted per-sample terms (everything but {@code global})
     * @param imageGlobal (B, D) global image features
     * @param report      (B, D) report features
     * @param globalScale () logit scale of the global InfoNCE
     */
    public record Pass(Map<String, NDArray> terms, NDArray imageGlobal, NDArray report, NDArray globalScale) {}

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, NDList batch, StageConfig stage, boolean training) {
        Pass pass = pass(ps, batch, stage, training);
        Map<String, NDArray> terms = new LinkedHashMap<>();
        if (stage.lossWeights().containsKey(GlobalAlignmentLoss.NAME)) {
            terms.put(GlobalAlignmentLoss.NAME,
                    new GlobalAlignmentLoss().compute(pass.imageGlobal(), pass.report(), pass.globalScale()));
        }
        terms.putAll(pass.terms());
        return terms;
    }

    /** The forward pass and every term but the global one (see {@link Pass}). */
    public Pass pass(ParameterStore ps, NDList batch, StageConfig stage, boolean training) {
        Map<String, Double> w = stage.lossWeights();
        NDArray images = batch.get(0); // (B, 1, H, W)
        PriorModel.ImageFeatures img = model.encodeImage(ps, images, training);
        PriorModel.TextFeatures txt = model.encodeText(ps, batch.get(1), batch.get(2), batch.get(3), training);
        NDArray mask = txt.sentenceMask(); // (B, S)
        NDArray sentences = txt.sentences(); // (B, S, D)
        Map<String, NDArray> terms = new LinkedHashMap<>();

        NDArray aligned = sentences; // what local alignment and report pooling see
        if (stage.usePrototypes()) {
            NDArray protos = model.prototypes().forward(ps, new NDList(sentences, mask), training).get(0); // (B, S, D)
            if (w.containsKey(PrototypeL1Loss.NAME)) {
                terms.put(PrototypeL1Loss.NAME, new PrototypeL1Loss().compute(protos, sentences, mask));
            }
            aligned = protos;
        }
        NDArray report = model.report(ps, aligned, mask, training); // (B, D)
        NDArray globalScale = model.globalScale().scale(ps, images.getDevice(), training); // ()

        boolean needLocal = w.containsKey(LocalImageLoss.NAME) || w.containsKey(LocalTextLoss.NAME)
                || w.containsKey(ImageReconstructionLoss.NAME);
        NDList la = needLocal ? model.local().forward(ps, new NDList(img.tokens(), aligned, mask), training) : null;
        if (w.containsKey(LocalImageLoss.NAME)) {
            NDArray textAware = la.get(0); // (B, I, D)
            NDArray pImage = model.predictor().forward(ps, new NDList(img.tokens()), training).singletonOrThrow();
            NDArray pText = model.predictor().forward(ps, new NDList(textAware), training).singletonOrThrow();
            terms.put(LocalImageLoss.NAME, new LocalImageLoss().compute(pImage, pText, img.tokens(), textAware));
        }
        if (w.containsKey(LocalTextLoss.NAME)) {
            NDArray localScale = model.localScale().scale(ps, images.getDevice(), training);
            terms.put(LocalTextLoss.NAME, new LocalTextLoss().compute(aligned, la.get(1), mask, localScale));
        }

        if (w.containsKey(ImageReconstructionLoss.NAME)) {
            NDArray recon = model.imageDecoder().forward(ps, new NDList(img.rawTokens(), la.get(0)), training)
                    .singletonOrThrow(); // (B, 1, H, W)
            terms.put(ImageReconstructionLoss.NAME, new ImageReconstructionLoss().compute(recon, images));
        }
        if (w.containsKey(ReportReconstructionLoss.L1) || w.containsKey(ReportReconstructionLoss.KL)
                || w.containsKey(ReportReconstructionLoss.GLOBAL_PREDICTION)) {
            int q = model.config().queries();
            NDIndex firstQ = new NDIndex(":, :{}", q); // reports are truncated to Q sentences here
            NDArray decoded = model.reportDecoder().forward(ps, new NDList(img.tokens()), training).singletonOrThrow(); // (B, Q, D)
            NDArray truePrototypes = stage.usePrototypes() ? aligned
                    : model.prototypes().snap(ps, sentences, training);
            ReportReconstructionLoss.Terms r = new ReportReconstructionLoss().compute(ps, training,
                    new ReportReconstructionLoss.Inputs(decoded, truePrototypes.get(firstQ), sentences.get(firstQ),
                            report, mask.get(firstQ), globalScale),
                    model.prototypes(), (s, m) -> model.report(ps, s, m, training));
            terms.put(ReportReconstructionLoss.L1, r.l1());
            terms.put(ReportReconstructionLoss.KL, r.kl());
            terms.put(ReportReconstructionLoss.GLOBAL_PREDICTION, r.globalPrediction());
        }
        return new Pass(terms, img.global(), report, globalScale);
    }
}

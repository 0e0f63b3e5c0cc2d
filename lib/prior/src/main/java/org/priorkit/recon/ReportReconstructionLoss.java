package org.priorkit.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.priorkit.align.GlobalAlignmentLoss;
import org.priorkit.nn.Scopes;
import org.priorkit.proto.PrototypeKLLoss;
import org.priorkit.proto.PrototypeL1Loss;
import org.priorkit.proto.SentencePrototypeBank;

import java.util.function.BiFunction;

/**
 * Report reconstruction (stage 3): the Q decoded sentences of {@link PrototypeDecoder} are matched
 * to the report's real sentences once ({@link HungarianMatcher}, L1 cost), then three named terms
 * are computed on the matched pairs, each by its own loss class:
 *
 * <ul>
 *   <li>{@link #L1}: mean |matched decoded - true prototype| over REAL sentences only (the official
 *       code also counts padding), via {@link PrototypeL1Loss}; the true prototypes are targets
 *       (detached). Paper weight 10, from the stage configuration.
 *   <li>{@link #KL}: {@link PrototypeKLLoss} between the codebook distributions of the matched
 *       decoded sentences and of the true sentences (the latter detached).
 *   <li>{@link #GLOBAL_PREDICTION}: the matched decoded sentences, snapped onto the codebook by the
 *       bank's deterministic assignment ({@link SentencePrototypeBank#snap}) and pooled (masked) into
 *       a report feature, aligned to the true report feature with {@link GlobalAlignmentLoss}
 *       (symmetric InfoNCE: like the global loss, both sides receive gradients).
 * </ul>
 *
 * <p>Dimensions: B batch, Q queries, S sentences (padded, at most Q real per report), D embedding,
 * K prototypes.
 */
public final class ReportReconstructionLoss {

    public static final String L1 = "report_l1";
    public static final String KL = "report_kl";
    public static final String GLOBAL_PREDICTION = "report_global_prediction";

    /**
     * The three terms and the matching used.
     *
     * @param l1               () matched L1
     * @param kl               () codebook-distribution KL
     * @param globalPrediction () InfoNCE of the pooled prediction vs the true report
     * @param matchedQuery     (B, S) int64, the query matched to each sentence (0 for padding)
     */
    public record Terms(NDArray l1, NDArray kl, NDArray globalPrediction, NDArray matchedQuery) {}

    /**
     * The inputs of one batch.
     *
     * @param decoded        (B, Q, D) decoder outputs
     * @param truePrototypes (B, S, D) the bank's prototypes of the true sentences (L1 targets)
     * @param trueSentences  (B, S, D) the true sentence features (their codebook distribution is the KL target)
     * @param trueReport     (B, D) the true report feature
     * @param mask           (B, S) boolean, true = real sentence
     * @param scale          () the global loss's logit scale
     */
    public record Inputs(NDArray decoded, NDArray truePrototypes, NDArray trueSentences, NDArray trueReport,
                         NDArray mask, NDArray scale) {}

    /**
     * @param bank    the sentence prototype bank (codebook, deterministic assignment)
     * @param pooling (sentences (B, S, D), mask (B, S)) -> report (B, D), e.g. the text encoder's
     *                report pooling block
     */
    public Terms compute(ParameterStore ps, boolean training, Inputs in, SentencePrototypeBank bank,
                         BiFunction<NDArray, NDArray, NDArray> pooling) {
        try (NDManager scope = NDManager.subManagerOf(in.decoded())) {
            Scopes.tempAttach(scope, in.decoded(), in.truePrototypes(), in.trueSentences(), in.trueReport(),
                    in.mask(), in.scale());
            NDArray index = HungarianMatcher.match(in.decoded(), in.truePrototypes(), in.mask()); // (B, S)
            NDArray matched = HungarianMatcher.gatherMatched(in.decoded(), index); // (B, S, D)
            NDArray l1 = new PrototypeL1Loss().compute(matched, in.truePrototypes().stopGradient(), in.mask()); // ()
            NDArray kl = new PrototypeKLLoss().compute(
                    bank.logits(ps, matched, training), bank.logits(ps, in.trueSentences(), training), in.mask()); // ()
            NDArray snapped = bank.snap(ps, matched, training); // (B, S, D)
            NDArray predictedReport = pooling.apply(snapped, in.mask()); // (B, D)
            NDArray global = new GlobalAlignmentLoss().compute(predictedReport, in.trueReport(), in.scale()); // ()
            return new Terms(scope.ret(l1), scope.ret(kl), scope.ret(global), scope.ret(index));
        }
    }
}

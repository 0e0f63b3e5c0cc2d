package org.priorkit.recon;

import ai.djl.ndarray.NDArray;
import org.priorkit.align.GlobalAlignmentLoss;
import org.priorkit.proto.PrototypeKLLoss;
import org.priorkit.proto.PrototypeL1Loss;
import org.priorkit.proto.SentencePrototypeBank;

/**
 * Report reconstruction (stage 3): the Q decoded sentences of {@link PrototypeDecoder} are matched
 * to the report's real sentences once ({@link #match}: {@link HungarianMatcher}, L1 cost), then three
 * terms are computed on the matched pairs, each by its own loss class:
 *
 * <ul>
 *   <li>{@link #l1}: mean |matched decoded - true prototype| over REAL sentences only (the official
 *       code also counts padding), via {@link PrototypeL1Loss}; the true prototypes are targets
 *       (detached). Paper weight 10, from the stage configuration.
 *   <li>{@link #kl}: {@link PrototypeKLLoss} between the codebook distributions of the matched
 *       decoded sentences and of the true sentences (the latter detached).
 *   <li>{@link #globalPrediction}: the matched decoded sentences, snapped onto the codebook by the
 *       bank's deterministic assignment ({@link SentencePrototypeBank#snap}) and pooled (masked) into
 *       a report feature, aligned to the true report feature with {@link GlobalAlignmentLoss}
 *       (symmetric InfoNCE: like the global loss, both sides receive gradients).
 * </ul>
 * The terms only compute: what the model contributes (the bank's codebook scores, the snapping, the
 * report pooling) is computed by the caller, in this order: match, L1, KL, global prediction.
 *
 * <p>Dimensions: B batch, Q queries, S sentences (padded, at most Q real per report), D embedding,
 * K prototypes.
 */
public final class ReportReconstructionLoss {

    /**
     * Which decoded sentence each true sentence was matched to.
     *
     * @param query   (B, S) int64, the query matched to each sentence (0 for padding)
     * @param matched (B, S, D) the matched decoded sentences, in the true sentences' order
     */
    public record Matching(NDArray query, NDArray matched) {}

    private ReportReconstructionLoss() {}

    /** Matches decoded (B, Q, D) to the true prototypes (B, S, D) over the real sentences of mask (B, S). */
    public static Matching match(NDArray decoded, NDArray truePrototypes, NDArray mask) {
        NDArray query = HungarianMatcher.match(decoded, truePrototypes, mask); // (B, S)
        return new Matching(query, HungarianMatcher.gatherMatched(decoded, query)); // (B, S, D)
    }

    /** () L1 of matched (B, S, D) against the true prototypes (B, S, D, detached) over the real sentences. */
    public static NDArray l1(NDArray matched, NDArray truePrototypes, NDArray mask) {
        return new PrototypeL1Loss().compute(matched, truePrototypes.stopGradient(), mask);
    }

    /** () KL between the codebook scores (B, S, K) of the matched and of the true sentences (detached). */
    public static NDArray kl(NDArray matchedLogits, NDArray trueLogits, NDArray mask) {
        return new PrototypeKLLoss().compute(matchedLogits, trueLogits, mask);
    }

    /** () InfoNCE of the report predicted from the snapped matched sentences (B, D) against the true one (B, D). */
    public static NDArray globalPrediction(NDArray predictedReport, NDArray trueReport, NDArray scale) {
        return new GlobalAlignmentLoss().compute(predictedReport, trueReport, scale);
    }
}

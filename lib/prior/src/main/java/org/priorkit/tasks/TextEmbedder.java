package org.priorkit.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.priorkit.model.PriorModel;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.text.tokenizer.ReportBatch;
import org.priorkit.text.tokenizer.ReportEncoder;

import java.util.List;

/**
 * Reports (each a list of sentences) to their features with a FROZEN text side, in eval mode and in
 * batches: tokenise with the pretraining vocabulary, text encoder, sentence pooling, then (when the
 * model was trained with prototypes) the sentence prototype bank's deterministic assignment, and
 * report pooling. Reports are cut to the model's sentence slots S and token budget T, as in
 * pretraining.
 */
public final class TextEmbedder {

    /**
     * Text features as arrays on a manager (closed by the caller).
     *
     * @param reports (N, D) report (global text) features
     * @param aligned (N, S, D) what local alignment and report pooling see: the sentences' prototypes
     *                when the model uses prototypes, the sentence features otherwise
     * @param mask    (N, S) boolean, true = real sentence
     */
    public record Embedded(NDArray reports, NDArray aligned, NDArray mask) {}

    private TextEmbedder() {}

    /** Report features (N, D) as plain arrays. */
    public static float[][] reports(TaskModel tm, List<List<String>> reports, int batchSize, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray r = embed(tm, reports, batchSize, scope).reports(); // (N, D)
            return toRows(r);
        }
    }

    /** Every feature of {@code reports}, created in {@code manager}. */
    public static Embedded embed(TaskModel tm, List<List<String>> reports, int batchSize, NDManager manager) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no reports to embed");
        }
        PriorModel model = tm.model();
        int slots = model.config().text().maxSentences();
        ReportEncoder encoder = new ReportEncoder(tm.requireTokenizer(), model.config().text().maxTokens());
        ParameterStore ps = new ParameterStore(manager, false);
        NDList reportParts = new NDList();
        NDList alignedParts = new NDList();
        NDList maskParts = new NDList();
        for (int start = 0; start < reports.size(); start += batchSize) {
            List<List<String>> chunk = reports.subList(start, Math.min(reports.size(), start + batchSize))
                    .stream().map(s -> s.subList(0, Math.min(slots, s.size()))).toList();
            ReportBatch enc = encoder.encodeBatch(chunk);
            try (NDManager scope = manager.newSubManager()) {
                NDArray ids = scope.create(enc.ids()); // (B, T) int32
                NDArray att = scope.create(enc.attentionMask()); // (B, T)
                NDArray idx = scope.create(enc.sentenceIndex()); // (B, T)
                PriorModel.TextFeatures t = model.encodeText(ps, ids, att, idx, false);
                NDArray aligned = tm.usePrototypes()
                        ? model.prototypes().forward(ps, new NDList(t.sentences(), t.sentenceMask()), false).get(0)
                        : t.sentences(); // (B, S, D)
                NDArray report = model.report(ps, aligned, t.sentenceMask(), false); // (B, D)
                for (NDArray a : new NDArray[] {report, aligned, t.sentenceMask()}) {
                    a.attach(manager);
                }
                reportParts.add(report);
                alignedParts.add(aligned);
                maskParts.add(t.sentenceMask());
            }
        }
        return new Embedded(NDArrays.concat(reportParts), NDArrays.concat(alignedParts), NDArrays.concat(maskParts));
    }

    /** A (N, D) float array as rows. */
    public static float[][] toRows(NDArray a) {
        int n = Math.toIntExact(a.getShape().get(0));
        int d = Math.toIntExact(a.getShape().get(1));
        float[] flat = a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }
}

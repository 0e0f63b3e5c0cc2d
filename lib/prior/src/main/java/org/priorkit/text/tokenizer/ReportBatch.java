package org.priorkit.text.tokenizer;

/**
 * B encoded reports stacked for NDArrays: {@code manager.create(batch.ids())} is a (B, T) int32 array.
 *
 * @param ids           (B, T) token ids
 * @param attentionMask (B, T) 1 real, 0 padding
 * @param sentenceIndex (B, T) sentence of each token, -1 for none
 * @param sentences     (B) sentences kept per report; the largest is the S to pad sentence features to
 */
public record ReportBatch(int[][] ids, int[][] attentionMask, int[][] sentenceIndex, int[] sentences) {

    public ReportBatch {
        if (attentionMask.length != ids.length || sentenceIndex.length != ids.length
                || sentences.length != ids.length) {
            throw new IllegalArgumentException("all parts need B = " + ids.length + " rows");
        }
    }

    /** The largest sentence count in the batch (S), at least 1. */
    public int maxSentences() {
        int max = 1;
        for (int s : sentences) {
            max = Math.max(max, s);
        }
        return max;
    }
}

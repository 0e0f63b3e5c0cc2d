package org.priorkit.text.tokenizer;

/**
 * One report as the text encoder sees it, T = maxLength positions:
 * {@code [CLS] tokens of sentence 0, tokens of sentence 1, ... [SEP] [PAD] ...}.
 *
 * @param ids            (T) token ids
 * @param attentionMask  (T) 1 for [CLS], sentence tokens and [SEP]; 0 for padding
 * @param sentenceIndex  (T) the sentence each token belongs to, 0..S-1; -1 for [CLS], [SEP] and padding,
 *                       which belong to no sentence (so sentence pooling ignores them)
 * @param sentences      S, the number of sentences kept
 */
public record ReportEncoding(int[] ids, int[] attentionMask, int[] sentenceIndex, int sentences) {

    public ReportEncoding {
        if (ids.length < 2 || attentionMask.length != ids.length || sentenceIndex.length != ids.length) {
            throw new IllegalArgumentException("ids, mask and sentence index need one equal length >= 2, got "
                    + ids.length + ", " + attentionMask.length + ", " + sentenceIndex.length);
        }
        for (int s : sentenceIndex) {
            if (s < -1 || s >= sentences) {
                throw new IllegalArgumentException("sentence index " + s + " outside -1.." + (sentences - 1));
            }
        }
    }

    /** T */
    public int length() {
        return ids.length;
    }

    /** Number of real (non-padding) positions, [CLS] and [SEP] included. */
    public int realLength() {
        int n = 0;
        for (int m : attentionMask) {
            n += m;
        }
        return n;
    }
}

package org.priorkit.text.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a report's sentences into a fixed-length {@link ReportEncoding} with, for each token, the index of
 * its sentence: PRIOR's sentence features are the mean of their tokens' features.
 *
 * <p>Layout: one [CLS], the sentences' tokens back to back, one [SEP], then [PAD] up to maxLength. The final
 * [SEP] is never cut: when the tokens do not fit, sentences are dropped or cut per {@link SentenceTruncation}.
 * Blank sentences (no tokens) are skipped and not numbered, so sentence indices stay 0..S-1 without gaps.
 */
public final class ReportEncoder {

    private final WordPieceTokenizer tokenizer;
    private final int maxLength;
    private final SentenceTruncation truncation;

    /** {@code maxLength} T counts [CLS] and [SEP] (paper: 256). */
    public ReportEncoder(WordPieceTokenizer tokenizer, int maxLength, SentenceTruncation truncation) {
        if (maxLength < 3) {
            throw new IllegalArgumentException("maxLength must leave room for [CLS], a token and [SEP]: " + maxLength);
        }
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.truncation = truncation;
    }

    /** Whole sentences only (see {@link SentenceTruncation#WHOLE_SENTENCES}). */
    public ReportEncoder(WordPieceTokenizer tokenizer, int maxLength) {
        this(tokenizer, maxLength, SentenceTruncation.WHOLE_SENTENCES);
    }

    public int maxLength() {
        return maxLength;
    }

    public ReportEncoding encode(List<String> sentences) {
        SpecialTokens special = tokenizer.specials();
        int[] ids = new int[maxLength];
        int[] mask = new int[maxLength];
        int[] sentenceIndex = new int[maxLength];
        Arrays.fill(ids, special.pad());
        Arrays.fill(sentenceIndex, -1);

        List<int[]> kept = keptSentences(sentences);
        int at = 0;
        ids[at] = special.cls();
        mask[at++] = 1;
        for (int s = 0; s < kept.size(); s++) {
            for (int id : kept.get(s)) {
                ids[at] = id;
                mask[at] = 1;
                sentenceIndex[at++] = s;
            }
        }
        ids[at] = special.sep();
        mask[at] = 1;
        return new ReportEncoding(ids, mask, sentenceIndex, kept.size());
    }

    /** Each report encoded, stacked into (B, T) arrays. */
    public ReportBatch encodeBatch(List<List<String>> reports) {
        int b = reports.size();
        int[][] ids = new int[b][];
        int[][] mask = new int[b][];
        int[][] index = new int[b][];
        int[] counts = new int[b];
        for (int i = 0; i < b; i++) {
            ReportEncoding e = encode(reports.get(i));
            ids[i] = e.ids();
            mask[i] = e.attentionMask();
            index[i] = e.sentenceIndex();
            counts[i] = e.sentences();
        }
        return new ReportBatch(ids, mask, index, counts);
    }

    /** The token ids of the sentences that fit in maxLength - 2 positions, blank ones left out. */
    private List<int[]> keptSentences(List<String> sentences) {
        int budget = maxLength - 2; // [CLS] and [SEP]
        List<int[]> kept = new ArrayList<>();
        for (String sentence : sentences) {
            int[] tokens = tokenizer.encode(sentence);
            if (tokens.length == 0) {
                continue;
            }
            if (tokens.length <= budget) {
                kept.add(tokens);
                budget -= tokens.length;
                continue;
            }
            boolean cut = truncation == SentenceTruncation.CUT_LAST || kept.isEmpty();
            if (cut && budget > 0) {
                kept.add(Arrays.copyOf(tokens, budget));
            }
            break;
        }
        return kept;
    }
}

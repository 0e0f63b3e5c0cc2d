package org.priorkit.text;

/**
 * Sizes of a BERT encoder, with Hugging Face's meanings.
 *
 * @param vocabSize word pieces in the vocabulary
 * @param hiddenSize D, the token feature width
 * @param numLayers transformer layers
 * @param numHeads attention heads per layer (D must be divisible by it)
 * @param intermediateSize F, the feed-forward width
 * @param maxPositions longest sequence T the position table covers
 * @param typeVocabSize token types (segments)
 * @param layerNormEps LayerNorm epsilon (1e-12 in BERT)
 * @param hiddenDropout dropout on embeddings and sub-layer outputs, training only
 * @param attentionDropout dropout on attention weights, training only
 */
public record BertConfig(int vocabSize, int hiddenSize, int numLayers, int numHeads, int intermediateSize,
                         int maxPositions, int typeVocabSize, float layerNormEps, float hiddenDropout,
                         float attentionDropout) {

    public BertConfig {
        if (vocabSize <= 0 || hiddenSize <= 0 || numLayers <= 0 || numHeads <= 0 || intermediateSize <= 0
                || maxPositions <= 0 || typeVocabSize <= 0) {
            throw new IllegalArgumentException("BERT sizes must be positive: " + this);
        }
        if (hiddenSize % numHeads != 0) {
            throw new IllegalArgumentException("hiddenSize " + hiddenSize + " not divisible by numHeads " + numHeads);
        }
        if (layerNormEps <= 0 || hiddenDropout < 0 || hiddenDropout >= 1 || attentionDropout < 0
                || attentionDropout >= 1) {
            throw new IllegalArgumentException("bad eps or dropout: " + this);
        }
    }

    /** Bio_ClinicalBERT (emilyalsentzer/Bio_ClinicalBERT, = BERT-base cased): the paper's text encoder. */
    public static BertConfig bioClinicalBert() {
        return new BertConfig(28996, 768, 12, 12, 3072, 512, 2, 1e-12f, 0.1f, 0.1f);
    }

    /** A laptop-sized BERT for tests and "baby" runs. */
    public static BertConfig tiny(int vocabSize) {
        return new BertConfig(vocabSize, 16, 2, 4, 32, 64, 2, 1e-12f, 0.1f, 0.1f);
    }

    /** The same sizes with another vocabulary, maximum length or dropout. */
    public BertConfig withVocabSize(int v) {
        return new BertConfig(v, hiddenSize, numLayers, numHeads, intermediateSize, maxPositions, typeVocabSize,
                layerNormEps, hiddenDropout, attentionDropout);
    }

    public BertConfig withMaxPositions(int p) {
        return new BertConfig(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize, p, typeVocabSize,
                layerNormEps, hiddenDropout, attentionDropout);
    }

    public BertConfig withDropout(float hidden, float attention) {
        return new BertConfig(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize, maxPositions,
                typeVocabSize, layerNormEps, hidden, attention);
    }
}

package org.priorkit.config;

/**
 * The text side: a BERT-style encoder ({@code layers} x {@code hidden} wide, {@code heads} heads,
 * feed-forward {@code intermediate}) over at most {@code maxTokens} WordPiece tokens, and reports
 * of at most {@code maxSentences} sentences.
 */
public record TextEncoderConfig(int vocabSize, int layers, int hidden, int heads, int intermediate,
                                int maxTokens, int maxSentences) {

    public TextEncoderConfig {
        if (vocabSize < 5) {
            throw new IllegalArgumentException("text.vocabSize must hold at least the 5 special tokens, got " + vocabSize);
        }
        if (layers < 1 || heads < 1 || hidden < 1 || intermediate < 1) {
            throw new IllegalArgumentException("text.layers, heads, hidden and intermediate must be >= 1");
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("text.hidden (" + hidden + ") must be divisible by text.heads (" + heads + ")");
        }
        if (maxTokens < 3) {
            throw new IllegalArgumentException("text.maxTokens must leave room for [CLS], a token and [SEP], got " + maxTokens);
        }
        if (maxSentences < 1) {
            throw new IllegalArgumentException("text.maxSentences must be >= 1, got " + maxSentences);
        }
    }

    /** The same encoder with another vocabulary size (known only once the vocabulary is read). */
    public TextEncoderConfig withVocabSize(int size) {
        return new TextEncoderConfig(size, layers, hidden, heads, intermediate, maxTokens, maxSentences);
    }
}

package org.priorkit.text.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BERT's tokenizer: {@link BasicTokenizer} words, then each word split greedily into the longest
 * vocabulary pieces from its start ("pneumothorax" -> "pneumo", "##thorax"). A word with a part no piece
 * matches, or longer than {@value #MAX_WORD_CHARS} characters, becomes a single [UNK].
 *
 * <pre>{@code
 * WordPieceTokenizer tokenizer = WordPieceTokenizer.load(Path.of("Bio_ClinicalBERT/vocab.txt"), false);
 * int[] ids = tokenizer.encode("Small left pleural effusion."); // no [CLS]/[SEP]: see ReportEncoder
 * }</pre>
 */
public final class WordPieceTokenizer {

    /** Hugging Face's max_input_chars_per_word. */
    public static final int MAX_WORD_CHARS = 100;
    private static final String CONTINUATION = "##";

    private final Vocabulary vocabulary;
    private final BasicTokenizer basic;
    private final SpecialTokens specials;

    public WordPieceTokenizer(Vocabulary vocabulary, boolean lowercase) {
        this.vocabulary = vocabulary;
        this.basic = new BasicTokenizer(lowercase);
        this.specials = SpecialTokens.of(vocabulary);
    }

    /** Reads vocab.txt; {@code lowercase} must match how the vocabulary was made (cased or uncased model). */
    public static WordPieceTokenizer load(Path vocabTxt, boolean lowercase) throws IOException {
        return new WordPieceTokenizer(Vocabulary.load(vocabTxt), lowercase);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public SpecialTokens specials() {
        return specials;
    }

    public boolean lowercase() {
        return basic.lowercase();
    }

    /** Token strings of {@code text}, without special tokens. */
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : basic.split(text)) {
            tokens.addAll(wordPieces(word));
        }
        return tokens;
    }

    /** Token ids of {@code text}, without special tokens. */
    public int[] encode(String text) {
        return tokenize(text).stream().mapToInt(t -> vocabulary.id(t).getAsInt()).toArray();
    }

    /** Greedy longest-match-first split of one word; [UNK] alone when any part cannot be matched. */
    List<String> wordPieces(String word) {
        int[] chars = word.codePoints().toArray();
        if (chars.length > MAX_WORD_CHARS) {
            return List.of(SpecialTokens.UNK);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < chars.length) {
            String match = null;
            int end = chars.length;
            for (; end > start; end--) {
                String candidate = (start > 0 ? CONTINUATION : "") + new String(chars, start, end - start);
                if (vocabulary.contains(candidate)) {
                    match = candidate;
                    break;
                }
            }
            if (match == null) {
                return List.of(SpecialTokens.UNK);
            }
            pieces.add(match);
            start = end;
        }
        return pieces;
    }
}

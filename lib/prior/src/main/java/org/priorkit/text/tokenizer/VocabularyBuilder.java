package org.priorkit.text.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds a WordPiece vocabulary from a corpus of sentences, for the synthetic set (whose closed vocabulary
 * needs no learned merges): the special tokens, then every character and its "##" continuation, then every
 * whole word seen at least {@code minCount} times. Every word of the corpus then tokenizes without [UNK]
 * (rare words fall back to characters). The order is deterministic: characters by code point, words by
 * count (most frequent first), ties alphabetically, so the same corpus gives the same vocab.txt byte for byte.
 *
 * @param minCount  minimum count of a whole word (>= 1)
 * @param lowercase lowercase and strip accents, as the tokenizer that will use the vocabulary must
 */
public record VocabularyBuilder(int minCount, boolean lowercase) {

    public VocabularyBuilder {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
    }

    public Vocabulary build(Iterable<String> sentences) {
        BasicTokenizer basic = new BasicTokenizer(lowercase);
        Map<String, Integer> counts = new HashMap<>();
        TreeSet<Integer> characters = new TreeSet<>();
        for (String sentence : sentences) {
            for (String word : basic.split(sentence)) {
                counts.merge(word, 1, Integer::sum);
                word.codePoints().forEach(characters::add);
            }
        }
        List<String> tokens = new ArrayList<>(SpecialTokens.ALL);
        characters.forEach(cp -> tokens.add(Character.toString(cp)));
        characters.forEach(cp -> tokens.add("##" + Character.toString(cp)));
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount && e.getKey().codePointCount(0, e.getKey().length()) > 1)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> tokens.add(e.getKey()));
        return Vocabulary.of(tokens);
    }
}

package org.priorkit.text.tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A BERT vocabulary: token {@code i} is line {@code i} of vocab.txt (UTF-8, one token per line, "##" marks
 * a piece that continues a word). As in Hugging Face's {@code load_vocab}, a token listed twice keeps its
 * last line's id.
 */
public final class Vocabulary {

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("empty vocabulary");
        }
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
    }

    /** Tokens in id order. */
    public static Vocabulary of(List<String> tokens) {
        return new Vocabulary(tokens);
    }

    /** Reads a BERT vocab.txt, e.g. Bio_ClinicalBERT's. */
    public static Vocabulary load(Path vocabTxt) throws IOException {
        List<String> lines = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1); // tolerate one blank last line
        }
        return new Vocabulary(lines);
    }

    /** Writes vocab.txt: one token per line, id order, UTF-8. */
    public void write(Path vocabTxt) throws IOException {
        Files.write(vocabTxt, tokens, StandardCharsets.UTF_8);
    }

    public OptionalInt id(String token) {
        Integer id = ids.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    public String token(int id) {
        return tokens.get(id);
    }

    public int size() {
        return tokens.size();
    }

    /** All tokens in id order (unmodifiable). */
    public List<String> tokens() {
        return tokens;
    }
}

package org.priorkit.text.tokenizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link WordPieceTokenizer} against golden/wordpiece_ids.json, made on the committed fixture
 * tokenizer/vocab_small.txt by Hugging Face's @huggingface/tokenizers (src/test/node/wordpiece_golden.mjs).
 */
class WordPieceTokenizerTest {

    static Path smallVocab() {
        try {
            return Path.of(Objects.requireNonNull(WordPieceTokenizerTest.class.getResource("/tokenizer/vocab_small.txt")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> idsMatchHuggingFace() throws IOException {
        JsonObject golden;
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/golden/wordpiece_ids.json")), StandardCharsets.UTF_8)) {
            golden = JsonParser.parseReader(in).getAsJsonObject();
        }
        WordPieceTokenizer lower = WordPieceTokenizer.load(smallVocab(), true);
        WordPieceTokenizer cased = WordPieceTokenizer.load(smallVocab(), false);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement element : golden.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            boolean lowercase = c.get("lowercase").getAsBoolean();
            String text = c.get("text").getAsString();
            String name = (lowercase ? "uncased: " : "cased: ") + text.substring(0, Math.min(40, text.length()));
            tests.add(DynamicTest.dynamicTest(name, () -> {
                WordPieceTokenizer tokenizer = lowercase ? lower : cased;
                List<String> tokens = new ArrayList<>();
                c.getAsJsonArray("tokens").forEach(t -> tokens.add(t.getAsString()));
                int[] ids = c.getAsJsonArray("ids").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
                assertEquals(tokens, tokenizer.tokenize(text));
                assertArrayEquals(ids, tokenizer.encode(text));
            }));
        }
        assertTrue(tests.size() >= 40, "golden has " + tests.size() + " cases");
        return tests.stream();
    }

    @Test
    void greedyLongestMatchFirst() throws IOException {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(smallVocab(), true);
        // "pneumothorax" is whole in the vocabulary; "pneumonia" needs "pneumo" + "##nia".
        assertEquals(List.of("pneumothorax"), tokenizer.wordPieces("pneumothorax"));
        assertEquals(List.of("pneumo", "##nia"), tokenizer.wordPieces("pneumonia"));
        assertEquals(List.of(SpecialTokens.UNK), tokenizer.wordPieces("pneumoz")); // no piece for "z"
    }

    @Test
    void wordsOverOneHundredCharactersAreUnknown() throws IOException {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(smallVocab(), true);
        String hundred = "a" + "b".repeat(99);
        assertEquals(100, tokenizer.wordPieces(hundred).size());
        assertEquals(List.of(SpecialTokens.UNK), tokenizer.wordPieces(hundred + "b"));
    }

    @Test
    void specialTokensAreLookedUpInTheVocabulary() throws IOException {
        SpecialTokens s = WordPieceTokenizer.load(smallVocab(), true).specials();
        assertEquals(new SpecialTokens(0, 2, 3, 4, 5), s); // [unused0] sits between [PAD] and [UNK]
    }
}

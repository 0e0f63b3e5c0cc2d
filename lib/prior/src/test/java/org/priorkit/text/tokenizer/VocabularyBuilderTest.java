package org.priorkit.text.tokenizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VocabularyBuilderTest {

    private static final List<String> CORPUS = List.of(
            "Small left pleural effusion.",
            "No pleural effusion or pneumothorax.",
            "Mild pulmonary edema.",
            "No focal consolidation; no effusion.");

    @Test
    void specialsThenCharactersThenWordsByCount() {
        Vocabulary v = new VocabularyBuilder(2, true).build(CORPUS);
        assertEquals(SpecialTokens.ALL, v.tokens().subList(0, 5));
        assertEquals(".", v.token(5)); // characters sorted by code point: '.' (46) < ';' (59) < 'a' ...
        assertEquals(";", v.token(6));
        int words = v.tokens().indexOf("effusion");
        // counts: effusion 3, no 3, pleural 2; ties alphabetical; single characters are not repeated as words
        assertEquals(List.of("effusion", "no", "pleural"), v.tokens().subList(words, v.size()));
        int characters = (words - 5) / 2; // each character once bare, once as "##" continuation
        assertEquals("##.", v.token(5 + characters));
    }

    @Test
    void everyCorpusWordTokenizesWithoutUnknown() {
        Vocabulary v = new VocabularyBuilder(2, true).build(CORPUS);
        WordPieceTokenizer tokenizer = new WordPieceTokenizer(v, true);
        for (String sentence : CORPUS) {
            assertFalse(tokenizer.tokenize(sentence).contains(SpecialTokens.UNK), sentence);
        }
        assertEquals(List.of("effusion"), tokenizer.tokenize("Effusion"));
        assertEquals(List.of("e", "##d", "##e", "##m", "##a"), tokenizer.tokenize("edema")); // seen once < minCount
    }

    @Test
    void sameCorpusSameFile(@TempDir Path dir) throws IOException {
        new VocabularyBuilder(1, false).build(CORPUS).write(dir.resolve("a.txt"));
        new VocabularyBuilder(1, false).build(List.copyOf(CORPUS)).write(dir.resolve("b.txt"));
        assertEquals(Files.readString(dir.resolve("a.txt")), Files.readString(dir.resolve("b.txt")));
        Vocabulary back = Vocabulary.load(dir.resolve("a.txt"));
        assertEquals(new VocabularyBuilder(1, false).build(CORPUS).tokens(), back.tokens());
    }

    @Test
    void minCountMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new VocabularyBuilder(0, true));
    }
}

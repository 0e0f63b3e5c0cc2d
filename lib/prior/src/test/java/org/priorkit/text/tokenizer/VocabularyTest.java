package org.priorkit.text.tokenizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {

    @Test
    void lineNumberIsTheId(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nlung\n##s\n");
        Vocabulary v = Vocabulary.load(file);
        assertEquals(7, v.size());
        assertEquals(5, v.id("lung").getAsInt());
        assertEquals("##s", v.token(6));
        assertTrue(v.id("heart").isEmpty());

        Path copy = dir.resolve("copy.txt");
        v.write(copy);
        assertEquals(Files.readString(file), Files.readString(copy));
    }

    @Test
    void missingSpecialTokensAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpecialTokens.of(Vocabulary.of(List.of("[PAD]", "[UNK]", "lung"))));
        assertTrue(e.getMessage().contains("[CLS], [SEP], [MASK]"), e.getMessage());
    }
}

package org.priorkit.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellWordsTest {

    @Test
    void splitsOnBlanksAndGroupsQuotes() {
        assertEquals(List.of("a", "b c", "d\\e", "f g", ""), ShellWords.split("  a \"b c\" 'd\\e' f\\ g ''"));
    }

    @Test
    void escapedQuoteInsideDoubleQuotes() {
        assertEquals(List.of("say \"hi\""), ShellWords.split("\"say \\\"hi\\\"\""));
    }

    @Test
    void unclosedQuoteNamesTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShellWords.split("a 'b"));
        assertTrue(e.getMessage().contains("a 'b"), e.getMessage());
    }
}

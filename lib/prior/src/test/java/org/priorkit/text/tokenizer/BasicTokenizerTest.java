package org.priorkit.text.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BasicTokenizerTest {

    @Test
    void splitsPunctuationAndWhitespace() {
        assertEquals(List.of("1", ".", "5", "-", "cm", "(", "PA", "/", "lat", ")", "$", "3", "^", "2"),
                new BasicTokenizer(false).split("1.5-cm\t(PA/lat)\n$3^2"));
    }

    @Test
    void lowercaseAlsoStripsAccents() {
        assertEquals(List.of("sjogren", "cafe"), new BasicTokenizer(true).split("Sjögren Café"));
        assertEquals(List.of("Sjögren", "Café"), new BasicTokenizer(false).split("Sjögren Café"));
    }

    @Test
    void dropsControlAndFormatCharacters() {
        assertEquals(List.of("zerowidth", "x"), new BasicTokenizer(true).split("zero\u200bwidth\u0000 \u00a0x\u0007"));
    }
}

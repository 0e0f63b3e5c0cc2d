package org.priorkit.text.tokenizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BERT's first pass (Hugging Face {@code BasicTokenizer}): drop control characters, turn any whitespace
 * into a split, optionally lowercase and strip accents ("Sjögren" -> "sjogren"), and make every punctuation
 * character a word of its own ("1.5-cm" -> "1", ".", "5", "-", "cm"). CJK splitting is left out
 * (radiology reports in English); special tokens written inside the text are not protected.
 *
 * @param lowercase lowercase and strip accents, as for uncased vocabularies (Bio_ClinicalBERT is cased:
 *                  use false for it)
 */
record BasicTokenizer(boolean lowercase) {

    /** The words of {@code text}, in order. */
    public List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int cp : normalize(text).codePoints().toArray()) {
            if (isWhitespace(cp) || isPunctuation(cp)) {
                flush(word, words);
                if (isPunctuation(cp)) {
                    words.add(Character.toString(cp));
                }
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, words);
        return words;
    }

    private String normalize(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp != 0 && cp != 0xFFFD && !isControl(cp)).forEach(clean::appendCodePoint);
        if (!lowercase) {
            return clean.toString();
        }
        // NFD splits "ö" into "o" + a combining mark (category Mn), which is then dropped.
        String decomposed = Normalizer.normalize(clean.toString().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(stripped::appendCodePoint);
        return stripped.toString();
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    static boolean isWhitespace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'
                || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    /** Unicode category C* except tab and newlines, which count as whitespace. */
    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    /** BERT counts all non-alphanumeric ASCII ("$", "+", "^", "`" too) and Unicode category P* as punctuation. */
    static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }
}

package org.priorkit.data.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits report text into sentences the way a radiologist would read them.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A blank line ends a sentence even without a full stop (reports often drop it).</li>
 *   <li>Whitespace runs (newlines included) become one space; stray repeated stops (". .") one.</li>
 *   <li>Numbered list items ("1. ... 2. ...") become separate sentences; the number is dropped.
 *       A list starts with "1." at the start of the text or after a sentence end, and goes on with
 *       the next number (2 after 1, ...), even across blank lines; so "measures 12. The" is not
 *       taken for a list item.</li>
 *   <li>'.', '?', '!' end a sentence when followed by a space and then a capital, a digit or the
 *       de-identification blank "___", unless the word before is an abbreviation (Dr., e.g.,
 *       vs., ...). Decimals ("1.5 cm") never qualify: no space follows their dot.</li>
 *   <li>Fragments without a letter (e.g. a lone "___" or ".") are dropped.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class SentenceSplitter {

    /** Lower-cased words that a '.' follows without ending the sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "dr", "mr", "mrs", "ms", "prof", "st", "vs", "e.g", "i.e", "approx", "fig", "al",
            "incl", "resp", "cf");

    private static final Pattern PARAGRAPH = Pattern.compile("\\n[ \\t\\r]*\\n");
    /** Unicode paragraph separator: not matched by \s, so whitespace folding keeps it. */
    private static final char PARAGRAPH_MARK = '\u2029';
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** "effusion. ." happens in dictated reports: one stop is enough. */
    private static final Pattern STRAY_STOPS = Pattern.compile("([.?!])(?: \\.)+");
    /** Candidate list marker: 1-2 digits, '.' or ')', a space, then a capital or "___". */
    private static final Pattern MARKER = Pattern.compile("(?<=^|\\s)(\\d{1,2})[.)]\\s+(?=[A-Z_])");
    private static final Pattern END = Pattern.compile("[.?!]+(?=\\s+(?:[A-Z0-9]|___))");

    /** Sentences of {@code text}, in order, whitespace-normalised, with their final punctuation. */
    public List<String> split(String text) {
        // Blank lines become a paragraph mark that survives whitespace folding and forces a cut.
        String marked = PARAGRAPH.matcher(text).replaceAll(" " + PARAGRAPH_MARK + " ");
        String folded = SPACES.matcher(marked).replaceAll(" ").strip();
        String flat = STRAY_STOPS.matcher(folded).replaceAll("$1");
        List<String> out = new ArrayList<>();
        for (String item : listItems(flat)) {
            for (String paragraph : item.split(String.valueOf(PARAGRAPH_MARK))) {
                splitAtStops(paragraph.strip(), out);
            }
        }
        return out;
    }

    /** Cuts the text before each list marker and removes the marker. */
    private static List<String> listItems(String text) {
        List<String> items = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        int pieceStart = 0;
        int previous = 0;
        while (m.find()) {
            int number = Integer.parseInt(m.group(1));
            boolean continues = previous > 0 && number == previous + 1;
            boolean starts = number == 1 && followsStop(text, m.start());
            if (continues || starts) {
                items.add(text.substring(pieceStart, m.start()));
                pieceStart = m.end();
                previous = number;
            }
        }
        items.add(text.substring(pieceStart));
        return items;
    }

    /** True when only spaces separate {@code pos} from the text start or a sentence end. */
    private static boolean followsStop(String text, int pos) {
        int i = pos - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || ".:;!?".indexOf(text.charAt(i)) >= 0 || text.charAt(i) == PARAGRAPH_MARK;
    }

    /** Splits at sentence-ending punctuation that is not an abbreviation's dot. */
    private static void splitAtStops(String text, List<String> out) {
        Matcher m = END.matcher(text);
        int start = 0;
        while (m.find()) {
            if (text.charAt(m.start()) == '.' && isAbbreviation(text, m.start())) {
                continue;
            }
            addIfSentence(text.substring(start, m.end()), out);
            start = m.end();
        }
        addIfSentence(text.substring(start), out);
    }

    /** True when the word ending just before {@code dot} is a known abbreviation. */
    private static boolean isAbbreviation(String text, int dot) {
        int from = dot;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1)) && text.charAt(from - 1) != '(') {
            from--;
        }
        String word = text.substring(from, dot).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word);
    }

    private static void addIfSentence(String piece, List<String> out) {
        String s = piece.strip();
        if (s.chars().anyMatch(Character::isLetter)) {
            out.add(s);
        }
    }
}

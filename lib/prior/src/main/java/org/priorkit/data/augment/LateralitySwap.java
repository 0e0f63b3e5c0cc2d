package org.priorkit.data.augment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swaps the side words of a report so that it describes the mirrored image: "Small left pleural effusion."
 * becomes "Small right pleural effusion.". Swapped, as whole words only and keeping their case ("Left."
 * -> "Right.", "LEFT" -> "RIGHT"): left/right, leftward(s)/rightward(s), leftmost/rightmost, and the
 * spine's levo-/dextro- words (levoscoliosis, levoconvex, levocurvature and their dextro- twins).
 * Not touched: words that merely contain the letters ("cleft", "upright", "bright"), and the single letters
 * L and R, which in reports are as often something else (an "R" marker, a list label) as a side.
 */
final class LateralitySwap {

    private LateralitySwap() {}

    private static final Map<String, String> SWAPS = Map.ofEntries(
            Map.entry("left", "right"), Map.entry("right", "left"),
            Map.entry("leftward", "rightward"), Map.entry("rightward", "leftward"),
            Map.entry("leftwards", "rightwards"), Map.entry("rightwards", "leftwards"),
            Map.entry("leftmost", "rightmost"), Map.entry("rightmost", "leftmost"),
            Map.entry("levoscoliosis", "dextroscoliosis"), Map.entry("dextroscoliosis", "levoscoliosis"),
            Map.entry("levoconvex", "dextroconvex"), Map.entry("dextroconvex", "levoconvex"),
            Map.entry("levocurvature", "dextrocurvature"), Map.entry("dextrocurvature", "levocurvature"));

    // \b needs a non-letter on both sides, so "cleft" and "upright" do not match; "left-sided" does.
    private static final Pattern SIDE_WORD = Pattern.compile(
            "\\b(" + String.join("|", SWAPS.keySet().stream().sorted().toList()) + ")\\b",
            Pattern.CASE_INSENSITIVE);

    public static String swap(String sentence) {
        Matcher m = SIDE_WORD.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group(1);
            String swapped = SWAPS.get(word.toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(sameCase(word, swapped)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static List<String> swap(List<String> sentences) {
        return sentences.stream().map(LateralitySwap::swap).toList();
    }

    /** "LEFT" -> upper case, "Left" -> capitalised, anything else -> lower case. */
    private static String sameCase(String original, String replacement) {
        if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return replacement;
    }
}

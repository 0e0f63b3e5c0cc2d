package org.priorkit.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a notebook cell written in IJava's syntax into Java code and magics.
 *
 * <p>A cell whose first non-blank line starts with {@code %%name} is a cell magic: that line holds
 * its arguments and the rest of the cell is its body. Otherwise every line that starts (after
 * blanks) with {@code %} directly followed by a letter is a line magic, run in order with the code
 * around it. Java never starts a line that way, except a modulo continuing the previous line
 * ({@code a\n%b}); write {@code % b} there, as IJava also requires.
 */
public final class CellParser {

    /** One thing to run: a block of Java code or a line magic. */
    public sealed interface Part permits Code, LineMagic {}

    /** Java code; {@code firstLine} is the 1-based cell line where {@code source} starts. */
    public record Code(String source, int firstLine) implements Part {}

    /** {@code %name args...} on cell line {@code line}. */
    public record LineMagic(String name, List<String> args, int line) implements Part {}

    /** {@code %%name args...} with the rest of the cell as body. */
    public record CellMagic(String name, List<String> args, String body) {}

    /** A parsed cell: either a cell magic, or parts run in order. */
    public record Cell(Optional<CellMagic> cellMagic, List<Part> parts) {}

    private CellParser() {}

    public static Cell parse(String cell) {
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length && lines[first].stripLeading().startsWith("%%")) {
            String head = lines[first].stripLeading().substring(2);
            List<String> words = ShellWords.split(head);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("cell magic without a name on line " + (first + 1));
            }
            int bodyStart = first + 1 < lines.length ? offsetOfLine(cell, first + 1) : cell.length();
            return new Cell(Optional.of(new CellMagic(words.get(0), List.copyOf(words.subList(1, words.size())),
                    cell.substring(bodyStart))), List.of());
        }

        List<Part> parts = new ArrayList<>();
        List<String> code = new ArrayList<>();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            if (isLineMagic(lines[i])) {
                flush(code, codeStart, parts);
                List<String> words = ShellWords.split(lines[i].stripLeading().substring(1));
                parts.add(new LineMagic(words.get(0), List.copyOf(words.subList(1, words.size())), i + 1));
                codeStart = i + 2;
            } else {
                code.add(lines[i]);
            }
        }
        flush(code, codeStart, parts);
        return new Cell(Optional.empty(), List.copyOf(parts));
    }

    /**
     * The cell with every magic blanked out by spaces, so offsets still match the original: what
     * completion, inspection and is-complete checks give to JShell.
     */
    public static String javaOnly(String cell) {
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        boolean cellMagic = first < lines.length && lines[first].stripLeading().startsWith("%%");
        StringBuilder out = new StringBuilder(cell.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(cellMagic || isLineMagic(lines[i]) ? " ".repeat(lines[i].length()) : lines[i]);
        }
        return out.toString();
    }

    static boolean isLineMagic(String line) {
        String s = line.stripLeading();
        return s.length() > 1 && s.charAt(0) == '%' && Character.isLetter(s.charAt(1));
    }

    private static void flush(List<String> code, int firstLine, List<Part> parts) {
        String source = String.join("\n", code);
        if (!source.isBlank()) {
            parts.add(new Code(source, firstLine));
        }
        code.clear();
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int i = 0; i < line; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset;
    }
}

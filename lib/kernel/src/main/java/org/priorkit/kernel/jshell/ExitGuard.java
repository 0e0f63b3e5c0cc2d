package org.priorkit.kernel.jshell;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses cells that call {@code System.exit} (or {@code Runtime.exit/halt}): cells run inside the kernel's
 * JVM, so the call would end the kernel without a word to the notebook and lose every variable.
 */
public final class ExitGuard {

    private static final Pattern EXIT = Pattern.compile(
            "\\bSystem\\s*\\.\\s*exit\\s*\\(|\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(exit|halt)\\s*\\(");
    /** String and char literals, and line and block comments: a call written inside them is no call. */
    private static final Pattern NOT_CODE = Pattern.compile(
            "\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    private ExitGuard() {}

    /** The 1-based line of {@code source} that calls exit, if any. */
    public static OptionalInt exitCallLine(String source) {
        Matcher blank = NOT_CODE.matcher(source);
        StringBuilder code = new StringBuilder();
        while (blank.find()) {
            // keep the newlines so line numbers stay right
            blank.appendReplacement(code, Matcher.quoteReplacement(blank.group().replaceAll("[^\\n]", " ")));
        }
        blank.appendTail(code);
        Matcher m = EXIT.matcher(code);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1);
    }

    /** Throws a cell error when {@code source} (starting at line {@code firstLine} of the cell) calls exit. */
    public static void check(String source, int firstLine) {
        OptionalInt line = exitCallLine(source);
        if (line.isPresent()) {
            int at = firstLine + line.getAsInt() - 1;
            throw new CellError("System.exit is refused in a cell", List.of(
                    "line " + at + ": System.exit (or Runtime.exit/halt) is refused: it would end the kernel and lose"
                            + " every variable.",
                    "To start afresh, use Jupyter's Kernel > Restart; to stop a cell, throw an exception."));
        }
    }
}

package org.priorkit.kernel.jshell;

/**
 * Where a snippet's text came from: {@code where} is "cell" or a {@code %load}ed file,
 * {@code firstLine} the line of {@code source}'s first line there.
 */
record SourceLines(String where, int firstLine, String source, boolean currentCell) {

    /** "line 7: int y = 1 / 0;" for 1-based line {@code n} of the snippet. */
    String describe(int n) {
        String[] lines = source.split("\n", -1);
        String code = n >= 1 && n <= lines.length ? lines[n - 1].strip() : "";
        int line = firstLine + n - 1;
        String place = !where.equals("cell") ? where + " line " + line
                : currentCell ? "line " + line : "line " + line + " of an earlier cell";
        return place + ": " + code;
    }

    /**
     * The same text without its leading blank lines: JShell numbers the lines of stack frames
     * from the first line that has code.
     */
    SourceLines fromFirstCodeLine() {
        int skipped = 0;
        String rest = source;
        int newline;
        while ((newline = rest.indexOf('\n')) >= 0 && rest.substring(0, newline).isBlank()) {
            rest = rest.substring(newline + 1);
            skipped++;
        }
        return new SourceLines(where, firstLine + skipped, rest, currentCell);
    }

    SourceLines inCurrentCell(boolean current) {
        return new SourceLines(where, firstLine, source, current);
    }
}

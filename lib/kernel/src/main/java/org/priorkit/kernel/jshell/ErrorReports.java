package org.priorkit.kernel.jshell;

import jdk.jshell.Diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Function;

/** Formats compile errors and exceptions so that the failing line of the cell is on screen. */
final class ErrorReports {

    private ErrorReports() {}

    /**
     * A compile error, quoting the offending line with a caret under the offending part.
     * {@code diags} positions are offsets into {@code origin.source()}.
     */
    static CellError compile(SourceLines origin, List<Diag> diags) {
        List<String> out = new ArrayList<>();
        String first = null;
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            String message = d.getMessage(Locale.ROOT);
            first = first == null ? message : first;
            int start = (int) Math.max(0, d.getStartPosition());
            int end = (int) Math.max(start + 1, d.getEndPosition());
            int line = lineOf(origin.source(), start);
            out.add("Compilation error at " + origin.describe(line));
            String text = origin.source().split("\n", -1)[line - 1];
            int column = start - lineStart(origin.source(), start);
            out.add("    " + text);
            out.add("    " + text.substring(0, Math.min(column, text.length())).replaceAll("\\S", " ")
                    + caret(Math.min(end - start, Math.max(1, text.length() - column))));
            message.lines().forEach(l -> out.add("  " + l));
        }
        if (first == null) {
            first = "the snippet was rejected";
            out.add("Compilation error at " + origin.describe(1) + " (no details from the compiler)");
        }
        return new CellError.CompilationError(first, out);
    }

    /**
     * An exception thrown by cell code: the exception line, then its frames with snippet frames
     * (file name {@code #id}) replaced by the source line they point at. Frames below the last
     * snippet frame are the kernel's invocation machinery and are dropped.
     */
    static CellError runtime(String className, String rawMessage, StackTraceElement[] trace, Throwable cause,
                             Function<String, SourceLines> snippetById) {
        String message = withoutWrapperNames(rawMessage);
        List<String> out = new ArrayList<>();
        appendThrowable(out, "", className, message, trace, snippetById);
        for (Throwable c = cause; c != null; c = c.getCause()) {
            String name = c instanceof jdk.jshell.EvalException e ? e.getExceptionClassName() : c.getClass().getName();
            appendThrowable(out, "Caused by: ", name, withoutWrapperNames(c.getMessage()), c.getStackTrace(), snippetById);
        }
        return new CellError(className + (message == null ? "" : ": " + message), out);
    }

    /** "line 3: n++;": the innermost frame of {@code trace} in a cell, if it has one. */
    static Optional<String> cellLine(StackTraceElement[] trace, Function<String, SourceLines> snippetById) {
        for (StackTraceElement f : trace) {
            SourceLines origin = isSnippet(f) ? snippetById.apply(f.getFileName().substring(1)) : null;
            if (origin != null) {
                return Optional.of(origin.describe(f.getLineNumber()));
            }
        }
        return Optional.empty();
    }

    private static void appendThrowable(List<String> out, String prefix, String className, String message,
                                        StackTraceElement[] trace, Function<String, SourceLines> snippetById) {
        out.add(prefix + className + (message == null ? "" : ": " + message));
        int last = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isSnippet(trace[i])) {
                last = i;
            }
        }
        int end = last >= 0 ? last + 1 : trace.length;
        for (int i = 0; i < end; i++) {
            StackTraceElement f = trace[i];
            SourceLines origin = isSnippet(f) ? snippetById.apply(f.getFileName().substring(1)) : null;
            if (origin == null) {
                out.add("\tat " + f);
            } else {
                String method = f.getMethodName();
                // Top-level code runs in a wrapper method JShell reports with an empty name.
                String in = method.isEmpty() || method.startsWith("do_it$") ? "" : " in " + method + "()";
                out.add("\tat " + origin.describe(f.getLineNumber()) + in);
            }
        }
    }

    /** Helpful NPE messages name JShell's wrapper classes ("REPL.$JShell$14.s"); users wrote "s". */
    static String withoutWrapperNames(String message) {
        return message == null ? null : message.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]*\\.", "");
    }

    private static boolean isSnippet(StackTraceElement f) {
        return f.getFileName() != null && f.getFileName().startsWith("#");
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', Math.min(offset, text.length()) - 1) + 1;
    }

    private static String caret(int width) {
        return width <= 1 ? "^" : "^" + "-".repeat(width - 2) + "^";
    }
}

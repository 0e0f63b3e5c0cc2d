package org.priorkit.kernel.jshell;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * JShell for one notebook: evaluates Java code snippet by snippet, keeps the value of a trailing
 * expression as a real object, and offers completion, documentation and completeness checks.
 * Not thread-safe except {@link #interrupt()}: the kernel calls it from its shell thread only.
 */
public final class CellEvaluator implements AutoCloseable {

    /** The value of the cell's last expression (may be null). */
    public record Value(Object value) {}

    /** Completion options and the cell range [start, end) they replace. */
    public record Completion(List<String> options, int start, int end) {}

    /** Imports every cell starts with: JShell's defaults plus the display API (display, updateDisplay, render, clearOutput). */
    public static final List<String> STARTUP = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;",
            "import static org.priorkit.kernel.display.Display.*;");

    private static final Set<Snippet.SubKind> VALUE_KINDS = Set.of(Snippet.SubKind.VAR_VALUE_SUBKIND,
            Snippet.SubKind.OTHER_EXPRESSION_SUBKIND, Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final WorkerExecutionControl control;
    private final Set<String> classpathEntries = new HashSet<>();
    private final Map<String, SourceLines> origins = new ConcurrentHashMap<>();
    private Set<String> currentCell = new HashSet<>();

    private CellEvaluator(JShell shell, WorkerExecutionControl control) {
        this.shell = shell;
        this.analysis = shell.sourceCodeAnalysis();
        this.control = control;
    }

    /**
     * Starts JShell with {@code classpath} (jars and class folders, the kernel's own location
     * first so that cells can call {@code display}) and runs {@link #STARTUP}.
     */
    public static CellEvaluator start(List<Path> classpath) {
        NotebookClassLoader loader = new NotebookClassLoader(CellEvaluator.class.getClassLoader());
        WorkerExecutionControl control = new WorkerExecutionControl(loader);
        JShell shell = JShell.builder()
                .executionEngine(new ExecutionControlProvider() {
                    @Override
                    public String name() {
                        return "prior-kernel-worker";
                    }

                    @Override
                    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                        return control;
                    }
                }, Map.of())
                .compilerOptions("-Xlint:-options")
                .build();
        CellEvaluator evaluator = new CellEvaluator(shell, control);
        List<Path> entries = new ArrayList<>();
        entries.add(kernelLocation());
        entries.addAll(classpath);
        evaluator.addToClasspath(entries);
        for (String line : STARTUP) {
            evaluator.eval(line, "startup", 1);
        }
        return evaluator;
    }

    /** Adds entries not yet on the class path (same jar file name counts as present). */
    public List<Path> addToClasspath(List<Path> entries) {
        List<Path> added = new ArrayList<>();
        for (Path p : entries) {
            Path abs = p.toAbsolutePath().normalize();
            String key = abs.toString().endsWith(".jar") ? abs.getFileName().toString() : abs.toString();
            if (classpathEntries.add(key)) {
                added.add(abs);
            }
        }
        if (!added.isEmpty()) {
            shell.addToClasspath(added.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        return added;
    }

    /** Marks the start of a cell, for error messages ("line 3" vs "line 3 of an earlier cell"). */
    public void beginCell() {
        currentCell = new HashSet<>();
        control.resetStop();
    }

    /**
     * Runs Java code. {@code where} ("cell" or a file name) and {@code firstLine} place it for error
     * messages. Returns the value of the last snippet if that is an expression.
     *
     * @throws CellError on a compile error or an exception; later snippets do not run
     */
    public Optional<Value> eval(String code, String where, int firstLine) {
        Optional<Value> last = Optional.empty();
        String rest = code;
        int line = firstLine;
        while (true) {
            if (control.stopRequested()) {
                String next = "Interrupted before " + new SourceLines(where, line, rest, true).describe(1 + leadingNewlines(rest));
                throw new CellError(next, List.of(next));
            }
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                return last;
            }
            if (completeness == Completeness.DEFINITELY_INCOMPLETE || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                SourceLines origin = new SourceLines(where, line, rest, true);
                throw new CellError.CompilationError("the code ends before the statement does",
                        List.of("Incomplete code starting at " + origin.describe(1 + leadingNewlines(rest)),
                                "  a statement, block or string is not closed"));
            }
            // UNKNOWN: not a well-formed snippet; evaluating it gives the compiler's explanation.
            boolean whole = completeness == Completeness.UNKNOWN;
            String source = whole ? rest : info.source();
            last = evalSnippet(source, new SourceLines(where, line, source, true));
            if (whole || info.remaining().isBlank()) {
                return last;
            }
            String consumed = rest.substring(0, rest.length() - info.remaining().length());
            line += (int) consumed.chars().filter(c -> c == '\n').count();
            rest = info.remaining();
        }
    }

    private Optional<Value> evalSnippet(String source, SourceLines origin) {
        List<SnippetEvent> events = shell.eval(source);
        List<VarSnippet> reset = new ArrayList<>();
        try {
            Optional<Value> value = Optional.empty();
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    if (event.snippet() instanceof VarSnippet v && event.status() == Snippet.Status.VALID
                            && "null".equals(shell.varValue(v))) {
                        reset.add(v); // re-declared for the class that replaced the old one: value gone
                    }
                    continue; // a consequence (e.g. an older definition replaced), not the snippet itself
                }
                Snippet snippet = event.snippet();
                origins.put(snippet.id(), origin.fromFirstCodeLine());
                currentCell.add(snippet.id());
                JShellException e = event.exception();
                if (e != null) {
                    throw runtimeError(e, snippet);
                }
                switch (event.status()) {
                    case REJECTED -> throw ErrorReports.compile(origin, shell.diagnostics(snippet).toList());
                    case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> {
                        if (waitsFor(snippet).isEmpty()) {
                            // nothing to wait for: the compiler refused it (e.g. "code too large")
                            throw ErrorReports.compile(origin, shell.diagnostics(snippet).toList());
                        }
                        warnUnresolved(snippet);
                    }
                    default -> { }
                }
                if (event.value() != null && VALUE_KINDS.contains(snippet.subKind()) && !isDisplayCall(snippet.source())) {
                    value = Optional.of(new Value(control.takeResult(event.value())));
                }
            }
            if (!reset.isEmpty()) {
                String changed = events.stream().filter(ev -> ev.causeSnippet() == null)
                        .map(ev -> ev.snippet() instanceof DeclarationSnippet d ? d.name() : "a class")
                        .findFirst().orElse("a class");
                List<String> names = reset.stream() // in the order they were declared
                        .sorted(Comparator.comparing((VarSnippet v) -> v.id().length()).thenComparing(VarSnippet::id))
                        .map(VarSnippet::name).toList();
                System.err.println("Note: redefining " + changed + " reset " + String.join(", ", names)
                        + " to null (they held objects of the old " + changed + "); run the cells that set them again.");
            }
            return value;
        } finally {
            control.clearResults();
        }
    }

    private static final java.util.regex.Pattern DISPLAY_START = java.util.regex.Pattern.compile("\\s*display\\s*\\(");

    /**
     * A snippet that only calls {@code display(...)} ({@code display(x).length()} does not count): it showed
     * its output, so its id is not echoed as the cell's value.
     */
    static boolean isDisplayCall(String source) {
        java.util.regex.Matcher m = DISPLAY_START.matcher(source);
        if (!m.lookingAt()) {
            return false;
        }
        int depth = 1;
        char quote = 0;
        for (int i = m.end(); i < source.length(); i++) {
            char c = source.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++; // an escaped character inside a literal
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(i + 1).strip().matches(";?");
            }
        }
        return false;
    }

    private CellError runtimeError(JShellException e, Snippet snippet) {
        if (e instanceof UnresolvedReferenceException u) {
            DeclarationSnippet d = u.getSnippet();
            return new CellError(d.name() + " is not usable yet", List.of("Cannot run this: it uses "
                    + d.name() + ", which needs " + String.join(", ", shell.unresolvedDependencies(d).toList())
                    + " to be declared first"));
        }
        if (e instanceof EvalException ee && control.stopRequested()) {
            // The stop button: one line naming where the cell was, not ThreadDeath's kernel frames; if the
            // snippet had not started (the interrupt came while it compiled), the line it was about to run.
            SourceLines next = origin(snippet.id());
            String line = ErrorReports.cellLine(ee.getStackTrace(), this::origin).map(l -> "Interrupted at " + l)
                    .orElseGet(() -> next == null ? "Interrupted (the stop button)" : "Interrupted before " + next.describe(1));
            List<String> lines = new ArrayList<>(List.of(line));
            if (control.abandoned()) {
                lines.add(ee.getMessage()); // JDK 20+: the thread runs on
            }
            return new CellError(line, lines);
        }
        if (e instanceof EvalException ee) {
            return ErrorReports.runtime(ee.getExceptionClassName(), ee.getMessage(), ee.getStackTrace(),
                    ee.getCause(), this::origin);
        }
        return new CellError(e.getClass().getName() + ": " + e.getMessage(),
                List.of("JShell could not run snippet " + snippet.id() + ": " + e));
    }

    /** Where snippet {@code id} came from, or null if not from a cell (e.g. startup). */
    private SourceLines origin(String id) {
        SourceLines o = origins.get(id);
        return o == null ? null : o.inCurrentCell(currentCell.contains(id));
    }

    /** The names a declaration waits for (a method using a class not declared yet); none for other snippets. */
    private List<String> waitsFor(Snippet snippet) {
        return snippet instanceof DeclarationSnippet d ? shell.unresolvedDependencies(d).toList() : List.of();
    }

    private void warnUnresolved(Snippet snippet) {
        if (snippet instanceof DeclarationSnippet d) {
            System.err.println("Note: " + d.name() + " was declared, but cannot be used until "
                    + String.join(", ", waitsFor(snippet)) + " is declared.");
        }
    }

    /** Completion at {@code cursor} (a Java char offset) of {@code code}, magics already blanked. */
    public Completion complete(String code, int cursor) {
        int start = snippetStart(code, cursor);
        String snippet = code.substring(start, cursor);
        int[] anchor = new int[1];
        List<String> options = analysis.completionSuggestions(snippet, snippet.length(), anchor).stream()
                .sorted(Comparator.comparing((SourceCodeAnalysis.Suggestion s) -> !s.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new Completion(options, start + anchor[0], cursor);
    }

    /** Signatures (and Javadoc if {@code detail}) of what is at the cursor; empty if nothing. */
    public String documentation(String code, int cursor, boolean detail) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        String snippet = code.substring(snippetStart(code, end), end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), detail);
        if (docs.isEmpty()) {
            // JShell documents methods only inside a call: "Math.abs" finds nothing, "Math.abs(" does.
            docs = analysis.documentation(snippet + "(", snippet.length() + 1, detail);
        }
        return docs.stream()
                .map(d -> d.signature() + (detail && d.javadoc() != null ? "\n\n" + d.javadoc() : ""))
                .distinct()
                .collect(Collectors.joining("\n"));
    }

    /** Jupyter's is_complete: "complete", "invalid", or the indent of the next line when incomplete. */
    public String isComplete(String code) {
        CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete() && !info.remaining().isBlank()) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return switch (info.completeness()) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> "complete";
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> nextIndent(code);
            case UNKNOWN -> "invalid";
        };
    }

    /** Stops the running cell, including snippets not started yet; safe to call from another thread. */
    public void interrupt() {
        shell.stop();
    }

    /** The error for a cell stopped by an interrupt between its parts. */
    public static CellError interrupted() {
        return new CellError(WorkerExecutionControl.INTERRUPTED + ": interrupted",
                List.of(WorkerExecutionControl.INTERRUPTED + ": the cell was interrupted"));
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Offset where the snippet containing {@code cursor} starts, after complete ones before it. */
    private int snippetStart(String code, int cursor) {
        String prefix = code.substring(0, cursor);
        int start = 0;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(prefix.substring(start));
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                return start;
            }
            start = prefix.length() - info.remaining().length();
        }
    }

    private static String nextIndent(String code) {
        String lastLine = code.substring(code.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        String trimmed = lastLine.strip();
        return trimmed.endsWith("{") || trimmed.endsWith("(") ? indent + "    " : indent;
    }

    private static int leadingNewlines(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && Character.isWhitespace(s.charAt(i)); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The kernel's jar (or classes folder in tests), so that snippets compile against Display. */
    private static Path kernelLocation() {
        try {
            return Path.of(CellEvaluator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kernel's own jar", e);
        }
    }
}

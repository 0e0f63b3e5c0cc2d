package org.priorkit.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.priorkit.kernel.display.Display;
import org.priorkit.kernel.display.MimeBundles;
import org.priorkit.kernel.jshell.CellError;
import org.priorkit.kernel.jshell.CellEvaluator;
import org.priorkit.kernel.jshell.ExitGuard;
import org.priorkit.kernel.magic.CellParser;
import org.priorkit.kernel.magic.MagicContext;
import org.priorkit.kernel.magic.Magics;
import org.priorkit.kernel.magic.MavenResolver;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The Jupyter side of the kernel: turns execute, complete, inspect and is_complete requests into
 * calls on a {@link CellEvaluator}, runs magics, and renders results as MIME bundles.
 *
 * <p>JShell starts on a background thread while Jupyter connects; the first request waits for it.
 */
public final class PriorKernel extends BaseKernel {

    static final String PROTOCOL_VERSION = "5.3";

    private final CompletableFuture<CellEvaluator> evaluator;
    private final Magics magics;
    /**
     * The request being executed, for clear_output: the base library keeps its reply environment to itself
     * and offers no clear, so the kernel holds it here while a cell runs (null between cells).
     */
    private volatile ShellReplyEnvironment executing;
    /** A help request: a name (dots allowed) followed by "?", alone in the cell. */
    private static final java.util.regex.Pattern HELP = java.util.regex.Pattern.compile("\\s*([\\w.]+)\\?\\s*");
    /** When a cell failed with stop_on_error; requests sent before it are aborted (null: not aborting). */
    private volatile Instant failedAt;
    /** A cell is running: interrupts arriving while JShell still starts must not be lost. */
    private volatile boolean cellRunning;
    private volatile boolean interruptRequested;

    public PriorKernel(List<Path> notebookClasspath) {
        super("prior-kernel", version(), languageInfo(),
                List.of(new HelpLink("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/")),
                new SessionHistory(), // the cells run so far, for history requests
                new KitJupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                null, new MagicsRegistry(), // the base library's magics are unused: see CellParser, Magics
                false, // no base-library extensions discovered on the class path
                new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RESET_FG).addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG).addHighlightStyle(TextColor.RED_BG).build());
        this.evaluator = CompletableFuture.supplyAsync(() -> CellEvaluator.start(notebookClasspath));
        this.magics = new Magics(new Context(), new MavenResolver());
        Display.setSink(new JupyterDisplay());
    }

    @Override
    public DisplayData eval(String code) {
        return runCell(code).map(v -> toDisplayData(MimeBundles.of(v.value()))).orElse(null);
    }

    @Override
    public Object evalRaw(String code) {
        return runCell(code).map(CellEvaluator.Value::value).orElse(null);
    }

    private Optional<CellEvaluator.Value> runCell(String code) {
        interruptRequested = false;
        cellRunning = true;
        try {
            CellEvaluator evaluator = evaluator();
            evaluator.beginCell();
            if (interruptRequested) {
                throw CellEvaluator.interrupted(); // came while JShell was starting
            }
            return BatchedOutput.around(() -> run(code, "cell")); // printed lines go out in batches
        } finally {
            cellRunning = false;
        }
    }

    /** Runs the parts of a cell (or of a {@code %load}ed file) in order; the last one's value counts. */
    private Optional<CellEvaluator.Value> run(String text, String where) {
        CellParser.Cell cell = CellParser.parse(text);
        if (cell.cellMagic().isPresent()) {
            CellParser.CellMagic m = cell.cellMagic().get();
            magic("%%" + m.name(), 1, () -> magics.run(m));
            return Optional.empty();
        }
        Optional<CellEvaluator.Value> last = Optional.empty();
        for (CellParser.Part part : cell.parts()) {
            if (interruptRequested) {
                throw CellEvaluator.interrupted();
            }
            if (part instanceof CellParser.Code code) {
                ExitGuard.check(code.source(), code.firstLine());
                last = evaluator().eval(code.source(), where, code.firstLine());
            } else if (part instanceof CellParser.LineMagic m) {
                magic("%" + m.name(), m.line(), () -> magics.run(m));
                last = Optional.empty();
            }
        }
        return last;
    }

    private interface MagicCall {
        void run() throws Exception;
    }

    private static void magic(String name, int line, MagicCall call) {
        try {
            call.run();
        } catch (CellError e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellError.MagicError(name + " was interrupted", List.of(name + " (line " + line + ") was interrupted"));
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            List<String> lines = new ArrayList<>();
            lines.add(name + " (line " + line + ") failed:");
            message.lines().forEach(l -> lines.add("  " + l));
            throw new CellError.MagicError(name + ": " + message.lines().findFirst().orElse(""), lines);
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellError cellError) {
            List<String> lines = new ArrayList<>(cellError.traceback());
            if (!lines.isEmpty()) {
                lines.set(0, errorStyler.secondary(lines.get(0)));
            }
            return lines;
        }
        return super.formatError(e);
    }

    @Override
    public ReplacementOptions complete(String code, int cursorCodePoints) {
        int cursor = code.offsetByCodePoints(0, Math.min(cursorCodePoints, code.codePointCount(0, code.length())));
        CellEvaluator.Completion c = evaluator().complete(CellParser.javaOnly(code), cursor);
        return new ReplacementOptions(c.options(), code.codePointCount(0, c.start()), code.codePointCount(0, c.end()));
    }

    @Override
    public DisplayData inspect(String code, int cursorCodePoints, boolean extraDetail) {
        int cursor = code.offsetByCodePoints(0, Math.min(cursorCodePoints, code.codePointCount(0, code.length())));
        String doc = evaluator().documentation(CellParser.javaOnly(code), cursor, extraDetail);
        return doc.isBlank() ? null : new DisplayData(doc);
    }

    @Override
    public String isComplete(String code) {
        return evaluator().isComplete(CellParser.javaOnly(code));
    }

    @Override
    public void interrupt() {
        if (!cellRunning) {
            return; // nothing to stop; must not affect the next cell
        }
        interruptRequested = true;
        magics.interrupt();
        if (evaluator.isDone()) {
            evaluator().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        if (evaluator.isDone()) {
            evaluator().close();
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.defer().reply(new KernelInfoWithStatus(PROTOCOL_VERSION, getName(), getVersion(),
                getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    /**
     * The base library's execute handler plus what it ignores of the request: {@code silent} (nothing on
     * iopub, not counted), {@code store_history} (counted and kept in the history only when true),
     * {@code user_expressions} (evaluated after the cell, in the reply) and {@code stop_on_error} (cells
     * queued behind a failed one are answered "aborted", not run).
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        env.setBusyDeferIdle();
        if (queuedBeforeAFailure(message)) {
            env.defer().reply(ExecuteOutcome.aborted(executionCount.get()));
            return;
        }
        commManager.setMessageContext(message);
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();
        String code = request.getCode();
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (silent) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        } else {
            env.publish(new PublishExecuteInput(code, count));
            replaceOutputStreams(env); // Jupyter's streams while the cell runs; restored when the reply is sent
            KitJupyterIO streams = (KitJupyterIO) io;
            streams.attach(env, request.isStdinEnabled());
            env.defer(() -> streams.detach(env));
            executing = env;
        }
        String shownText = null;
        try {
            java.util.regex.Matcher help = HELP.matcher(code);
            if (help.matches()) { // "Math.abs?": its documentation in the pager, as IPython's "?"
                DisplayData doc = inspect(help.group(1), help.group(1).length(), true);
                String text = doc == null ? null : String.valueOf(doc.getData(MIMEType.TEXT_PLAIN));
                env.defer().reply(ExecuteOutcome.page(count, text == null ? "no documentation for " + help.group(1) : text));
                return;
            }
            DisplayData result = eval(code);
            Object text = result == null ? null : result.getData(MIMEType.TEXT_PLAIN);
            shownText = text == null ? null : text.toString();
            if (result != null && !silent) {
                env.publish(new PublishExecuteResult(count, result));
            }
            env.defer().reply(ExecuteOutcome.ok(count, userExpressions(request.getUserExpr())));
        } catch (Exception e) {
            ErrorReply reply = ErrorReply.of(e);
            reply.setExecutionCount(count);
            if (!silent) {
                env.publish(PublishError.of(e, this::formatError));
            }
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
            if (request.shouldStopOnError()) {
                failedAt = Instant.now(); // cells the client sent before now are still queued: abort them
            }
        } finally {
            executing = null;
            if (silent) {
                System.setOut(out);
                System.setErr(err);
            }
            if (store) {
                ((SessionHistory) getHistoryManager()).record(count, code, shownText);
            }
        }
    }

    /**
     * Whether this request was sent before the last failure with stop_on_error, i.e. it waited in the queue
     * behind the failed cell (the client's send time against the kernel's clock, the same machine's as a
     * rule). The first request sent after the failure ends the aborting.
     */
    private boolean queuedBeforeAFailure(Message<ExecuteRequest> message) {
        Instant failed = failedAt;
        if (failed == null) {
            return false;
        }
        KernelTimestamp stamp = message.getHeader().getTimestamp();
        Optional<Instant> sent = stamp == null ? Optional.empty() : sentAt(stamp.getDateString());
        if (sent.isPresent() && sent.get().isBefore(failed)) {
            return true;
        }
        failedAt = null;
        return false;
    }

    /** A header's date: ISO 8601 with a zone ("...Z", "+00:00") or without one (UTC, as the spec has it). */
    static Optional<Instant> sentAt(String date) {
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(date).toInstant());
        } catch (java.time.format.DateTimeParseException withoutZone) {
            try {
                return Optional.of(java.time.LocalDateTime.parse(date).toInstant(java.time.ZoneOffset.UTC));
            } catch (java.time.format.DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    /** The request's user_expressions, each evaluated after the cell: its text value, or the error. */
    private Map<String, Map<String, Object>> userExpressions(Map<String, String> expressions) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        if (expressions == null) {
            return values;
        }
        expressions.forEach((name, expression) -> {
            try {
                Object value = evaluator().eval(expression, "user expression", 1).map(CellEvaluator.Value::value)
                        .orElse(null);
                values.put(name, ExecuteOutcome.value(MimeBundles.of(value)));
            } catch (RuntimeException e) {
                values.put(name, ExecuteOutcome.error(e.getClass().getSimpleName(),
                        e.getMessage() == null ? "" : e.getMessage(), formatError(e)));
            }
        });
        return values;
    }

    private void clearOutput(boolean wait) {
        ShellReplyEnvironment env = executing;
        if (env == null) {
            return; // no cell to clear (a background thread after its cell ended)
        }
        flushPrinted(); // what was printed before the clear goes first
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        env.setBusyDeferIdle();
        HistoryRequest r = request.getContent();
        SessionHistory history = (SessionHistory) getHistoryManager();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (r.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        if (r instanceof HistoryRequest.Tail tail) {
            entries = history.lookupTail(tail.getMaxReturnLength(), flags);
        } else if (r instanceof HistoryRequest.Range range) {
            entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        } else if (r instanceof HistoryRequest.Search search) {
            if (search.filterUnique()) {
                flags.add(HistoryManager.ResultFlag.UNIQUE);
            }
            entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        } else {
            entries = List.of();
        }
        env.defer().reply(new HistoryWithStatus(entries, r.includeOutput()));
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell) with the PRIOR kit library - prior-kernel " + getVersion();
    }

    /** display, updateDisplay and clearOutput of the notebook API, as Jupyter messages. */
    private final class JupyterDisplay implements Display.Sink {
        @Override
        public void show(Map<String, Object> bundle, String displayId) {
            flushPrinted(); // keep text printed before display(...) above the picture
            DisplayData data = toDisplayData(bundle);
            data.setDisplayId(displayId);
            display(data);
        }

        @Override
        public void update(String displayId, Map<String, Object> bundle) {
            flushPrinted();
            io.display.updateDisplay(displayId, toDisplayData(bundle));
        }

        @Override
        public void clear(boolean wait) {
            clearOutput(wait);
        }
    }

    /** Sends what the cell printed so far (it is batched), so that output lands in the order it was made. */
    private static void flushPrinted() {
        System.out.flush();
        System.err.flush();
    }

    private static DisplayData toDisplayData(Map<String, Object> bundle) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        return data;
    }

    private CellEvaluator evaluator() {
        try {
            return evaluator.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
                "java", "java", "script");
    }

    private static String version() {
        String v = PriorKernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** What magics may do: grow the class path, run loaded code, print. */
    private final class Context implements MagicContext {
        @Override
        public void addToClasspath(List<Path> entries) {
            evaluator().addToClasspath(entries);
        }

        @Override
        public void evalCell(String text, String where) {
            run(text, where);
        }

        @Override
        public Path workingDir() {
            return Path.of("").toAbsolutePath();
        }

        @Override
        public PrintStream out() {
            return System.out;
        }
    }
}

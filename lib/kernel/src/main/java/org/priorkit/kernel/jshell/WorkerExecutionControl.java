package org.priorkit.kernel.jshell;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs snippets in this JVM on one worker thread, so that cell results stay real objects (for rich
 * display) and threads a cell starts may outlive it (JShell's own "local" engine waits for them).
 *
 * <p>The worker's context class loader is the notebook loader, so {@code ServiceLoader} lookups
 * such as DJL's engine discovery find the notebook's jars.
 *
 * <p>Interrupting: the worker is interrupted, which ends sleeps, waits, blocking I/O and loops that
 * check {@link Thread#interrupted()}. A busy loop that ignores it is stopped with
 * {@code Thread.stop} where the JDK still allows that (before 20). On newer JDKs nothing can stop
 * it, so the cell is abandoned: the notebook gets its error and a fresh worker at once, and the
 * message says that the old thread still runs until the kernel restarts.
 */
final class WorkerExecutionControl extends DirectExecutionControl {

    static final String INTERRUPTED = "java.lang.InterruptedException";
    private static final long GRACE_MS = 1000;
    /** After Thread.stop the thread dies for certain; on a busy machine unwinding it can take seconds. */
    private static final long FORCED_STOP_MS = 15_000;
    private static final Object NULL = new Object();

    private final NotebookClassLoader loader;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private volatile ExecutorService worker;
    private volatile Thread workerThread;
    private volatile Future<Object> running;
    private volatile String abandonedMessage;
    private volatile StackTraceElement[] stoppedAt = new StackTraceElement[0];
    /** Set by {@link #stop()}, cleared when a cell starts: an interrupt also covers snippets not started yet. */
    private volatile boolean stopRequested;

    WorkerExecutionControl(NotebookClassLoader loader) {
        super(new NotebookLoaderDelegate(loader));
        this.loader = loader;
        this.worker = newWorker();
    }

    /** Runs a snippet on the worker; returns a key for {@link #takeResult}, not the value's text. */
    @Override
    protected String invoke(Method snippet) throws Exception {
        if (stopRequested) {
            throw new UserException("Interrupted.", INTERRUPTED, new StackTraceElement[0]);
        }
        Future<Object> task = worker.submit(() -> snippet.invoke(null));
        running = task;
        if (stopRequested) {
            interrupt(task); // stop() came between the check above and `running` being set
        }
        Object value;
        try {
            value = task.get();
        } catch (CancellationException e) {
            throw new UserException(abandonedMessage, INTERRUPTED, stoppedAt); // where it was left running
        } catch (ExecutionException e) {
            StackTraceElement[] at = stoppedAt;
            Throwable thrown = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
            if (stopRequested && at.length > 0 && thrown != null
                    && thrown.getClass().getName().equals("java.lang.ThreadDeath")) {
                // Force-stopped: report where the thread was (JShell maps these frames to the cell's lines),
                // not Thread.stop's own trace, which is the kernel's.
                throw new UserException("interrupted", INTERRUPTED, at);
            }
            // InvocationTargetException carries the user's exception; the superclass converts it.
            throw e.getCause() instanceof Exception cause ? cause : new InvocationTargetException(e.getCause());
        } finally {
            running = null;
        }
        String key = Long.toString(keys.incrementAndGet());
        results.put(key, value == null ? NULL : value);
        return key;
    }

    /** The object a snippet returned, by the key JShell reported as its value. */
    Object takeResult(String key) {
        Object value = results.remove(key);
        if (value == null) {
            throw new IllegalStateException("no snippet result with key " + key);
        }
        return value == NULL ? null : value;
    }

    /** Drops results nobody asked for (declarations), so they can be garbage collected. */
    void clearResults() {
        results.clear();
    }

    /** Called by {@code JShell.stop()} from the kernel's control thread. */
    @Override
    public void stop() {
        stopRequested = true;
        Future<Object> task = running;
        if (task != null) {
            interrupt(task);
        }
    }

    /** A new cell starts: earlier interrupts no longer apply. */
    void resetStop() {
        stopRequested = false;
        abandonedMessage = null;
        stoppedAt = new StackTraceElement[0];
    }

    /** Whether this cell's thread ignored the interrupt and was left running (JDK 20+). */
    boolean abandoned() {
        return abandonedMessage != null;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    private synchronized void interrupt(Future<Object> task) {
        Thread thread = workerThread;
        if (task.isDone() || thread == null) {
            return;
        }
        stoppedAt = thread.getStackTrace(); // the cell's line, for the error (Thread.stop's own trace is the kernel's)
        thread.interrupt();
        if (finishes(task, GRACE_MS) || (forceStop(thread) && finishes(task, FORCED_STOP_MS))) {
            return;
        }
        abandonedMessage = "Interrupted, but the cell ignores interrupts and this JDK ("
                + Runtime.version().feature() + ") cannot force-stop a thread: it keeps running in the"
                + " background until you restart the kernel. Long loops can check Thread.interrupted().";
        worker.shutdownNow();
        worker = newWorker();
        task.cancel(true);
    }

    /**
     * Redefines snippet classes in place (keeping their fields' values) when the kernel runs as its
     * own agent; see {@link ClassRedefinition}. Failing here makes JShell load a new class instead.
     */
    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException {
        Instrumentation inst = ClassRedefinition.get();
        if (inst == null) {
            throw new NotImplementedException("class redefinition needs the kernel jar as agent");
        }
        ClassDefinition[] definitions = new ClassDefinition[classes.length];
        try {
            for (int i = 0; i < classes.length; i++) {
                definitions[i] = new ClassDefinition(Class.forName(classes[i].name(), false, loader), classes[i].bytecodes());
            }
            inst.redefineClasses(definitions);
        } catch (ClassNotFoundException | UnmodifiableClassException | LinkageError | UnsupportedOperationException e) {
            // Typically a changed shape (fields or methods added): JShell then replaces the class.
            throw new ClassInstallException("cannot redefine in place: " + e, new boolean[classes.length]);
        }
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        super.close();
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "notebook-cell");
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            workerThread = t;
            return t;
        });
    }

    private static boolean finishes(Future<?> task, long millis) {
        try {
            task.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | CancellationException e) {
            return true;
        }
    }

    /** {@code Thread.stop()}, called reflectively: it throws on JDK 20+ and may be removed later. */
    private static boolean forceStop(Thread thread) {
        try {
            Thread.class.getMethod("stop").invoke(thread);
            return true;
        } catch (ReflectiveOperationException | UnsupportedOperationException e) {
            return false;
        }
    }
}

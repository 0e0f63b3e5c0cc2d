package org.priorkit.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cell's stdout or stderr, sent to Jupyter in batches. Jupyter's own stream sends one iopub message
 * per flush, and a PrintStream flushes at every line: a cell printing 200,000 lines overran ZeroMQ's
 * queue (a PUB socket drops what is past 1,000 waiting messages), so most lines and even the cell's
 * final "idle" were lost. Here bytes gather and go out when {@link #MAX_BYTES} have gathered, on an
 * explicit {@code flush()}, every {@link #EVERY_MILLIS} ms (a timer, so a slow loop's lines still
 * appear as it runs) and when the cell ends. A batch never ends inside a UTF-8 character.
 */
final class BatchedOutput extends OutputStream {

    static final int MAX_BYTES = 64 * 1024;
    static final long EVERY_MILLIS = 50;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prior-kernel-output-batches");
        t.setDaemon(true);
        return t;
    });

    private final PrintStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Batches for {@code target}: Jupyter's stream, which sends one message per flush. */
    BatchedOutput(PrintStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (pending.size() >= MAX_BYTES) {
            send();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
        if (pending.size() >= MAX_BYTES) {
            send();
        }
    }

    @Override
    public synchronized void flush() {
        send();
    }

    /** Sends what has gathered as one message, keeping back an unfinished UTF-8 character. */
    synchronized void send() {
        byte[] bytes = pending.toByteArray();
        int n = completeUtf8(bytes, bytes.length);
        if (n == 0) {
            return;
        }
        target.write(bytes, 0, n);
        target.flush();
        pending.reset();
        pending.write(bytes, n, bytes.length - n);
    }

    /** The length of the longest prefix of {@code b[0, n)} that does not end inside a UTF-8 character. */
    static int completeUtf8(byte[] b, int n) {
        for (int back = 1; back <= Math.min(4, n); back++) {
            int lead = b[n - back] & 0xFF;
            if ((lead & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead byte
            }
            int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return back < length ? n - back : n;
        }
        return n;
    }

    /**
     * Routes System.out and System.err through batches while {@code body} runs (a cell, including
     * threads it starts that print meanwhile), then sends the rest and restores them.
     */
    static <T> T around(java.util.function.Supplier<T> body) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        BatchedOutput batchedOut = new BatchedOutput(out);
        BatchedOutput batchedErr = new BatchedOutput(err);
        PrintStream cellOut = new PrintStream(batchedOut, false, StandardCharsets.UTF_8);
        PrintStream cellErr = new PrintStream(batchedErr, false, StandardCharsets.UTF_8);
        ScheduledFuture<?> tick = TIMER.scheduleAtFixedRate(() -> {
            cellOut.flush();
            cellErr.flush();
        }, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        System.setOut(cellOut);
        System.setErr(cellErr);
        try {
            return body.get();
        } finally {
            tick.cancel(false);
            System.setOut(out);
            System.setErr(err);
            cellOut.flush();
            cellErr.flush();
        }
    }
}

package org.priorkit.pretrain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A competing load for {@code kit bench --load N}: N threads that spin on the CPU until closed, so a
 * benchmark can time the same steps on a machine that is shared (a classroom server, a laptop
 * running other jobs). Each thread is a plain busy loop, as an unrelated CPU-bound job would be.
 */
final class BusyLoad implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    BusyLoad(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("--load: the number of busy threads must be 0 or more, got " + count);
        }
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(this::spin, "prior-busy-load-" + i);
            t.setDaemon(true); // never keeps the JVM alive
            threads.add(t);
            t.start();
        }
    }

    /** Threads still spinning (all of them until {@link #close}). */
    int alive() {
        return (int) threads.stream().filter(Thread::isAlive).count();
    }

    private void spin() {
        long x = 0;
        while (running.get()) {
            x = x * 6364136223846793005L + 1442695040888963407L; // work the JIT cannot remove: x is read below
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package org.priorkit.runall;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.priorkit.device.Devices;
import org.priorkit.device.Threads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * run-all's second lane: a child JVM that runs the rungs which do not need the PRIOR run (the
 * global-only pretraining, then the random-init and global-only rungs' tasks) while the first JVM
 * pretrains PRIOR, then the "+ local alignment" rung (PRIOR's stage-1 checkpoint, written long
 * before), so that both lanes have about the same work. Each lane runs PyTorch with the kit's thread
 * count ({@link Threads#perJob}: one intra-op thread unless the user chose), which stays fast when the
 * machine is shared.
 *
 * <p>Why a second process and not a second thread: the tiny preset's tensors are small, so one
 * PyTorch thread trains as fast as two (150 pretraining steps: 28.9 s vs 30.5 s on the 2-core
 * machine), and two one-thread jobs side by side finish in 39.5 s what takes 61 s one after the
 * other. Threads in one JVM would share PyTorch's global random generator, which every step
 * reseeds (dropout, Gumbel noise), so runs would stop being repeatable; processes do not share it.
 *
 * <p>The child writes its results to {@code out/lane-2.json} and its log to {@code out/lane-2.log}.
 * It needs the library on the JVM's class path (the CLI, JBang, Maven tests); elsewhere, e.g. in a
 * notebook kernel, and on GPUs, run-all keeps one lane.
 */
public final class SecondLane {

    /** The second lane's rungs; the first lane runs the other two. */
    static final List<Rung> RUNGS = List.of(Rung.RANDOM, Rung.GLOBAL, Rung.LOCAL);
    static final String RESULT = "lane-2.json";
    static final String LOG = "lane-2.log";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** The child's phase and task lines ("[lane 2   12.3 s] ...", its own clock), the ones the console gets too. */
    private static final Pattern PHASE = Pattern.compile("^\\[lane 2 +[0-9.]+ s\\] (.*)$");

    private final Process process;
    private final Path out;
    private final Thread killer;
    private final Thread pump;

    private SecondLane(Process process, Path out, Thread pump) {
        this.process = process;
        this.out = out;
        this.pump = pump;
        this.killer = new Thread(process::destroyForcibly, "prior-second-lane-killer");
        Runtime.getRuntime().addShutdownHook(killer); // Ctrl-C on run-all stops the child too
    }

    /** Why two lanes cannot run here, or null when they can. */
    static String whyNot(RunAllConfig c, List<Device> devices) {
        if (c.lanes() < 2) {
            return "one lane asked for";
        }
        if (devices.size() != 1 || !Device.Type.CPU.equals(devices.get(0).getDeviceType())) {
            return "lanes are for the CPU; on " + devices + " one JVM uses the accelerator";
        }
        if (SecondLane.class.getClassLoader() != ClassLoader.getSystemClassLoader()) {
            return "the library is not on this JVM's class path (e.g. a notebook kernel), so a child JVM could not load it";
        }
        return null;
    }

    /**
     * Starts the child JVM with the same class path, heap cap, logging and thread settings.
     * Everything it prints goes to {@code lane-2.log}; its phase and task lines also go to {@code console},
     * as "lane 2: ..." (its pretraining steps stay in the log: the first lane's already show progress).
     */
    static SecondLane start(RunAllConfig c, Consumer<String> console) throws IOException {
        Files.createDirectories(c.out());
        Files.deleteIfExists(c.out().resolve(RESULT)); // a stale result must not pass for this run's
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + Math.max(256, Runtime.getRuntime().maxMemory() >> 20) + "m");
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("org.slf4j.") || key.startsWith("prior.") || key.equals("java.awt.headless")
                    || (key.startsWith("ai.djl.") && !key.startsWith("ai.djl.pytorch.num_"))) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.add("-Dai.djl.pytorch.num_threads=" + threadsPerLane());
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SecondLane.class.getName());
        cmd.addAll(c.toArgs());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> pump(p.getInputStream(), c.out().resolve(LOG), console), "prior-second-lane-log");
        pump.setDaemon(true);
        pump.start();
        return new SecondLane(p, c.out(), pump);
    }

    /** Copies the child's output to {@code log} (appended: a resumed run keeps the old log), phase lines to the console. */
    static void pump(InputStream from, Path log, Consumer<String> console) {
        try (var in = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8));
             var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                w.write(line);
                w.newLine();
                w.flush();
                Matcher m = PHASE.matcher(line);
                if (m.matches()) {
                    console.accept("lane 2: " + m.group(1));
                }
            }
        } catch (IOException e) {
            console.accept("lane 2: its log could not be written (" + e.getMessage() + "); the lane goes on");
        }
    }

    /** Waits for the child and reads its results; a failed child is an error that quotes its log. */
    LaneResult await() throws IOException {
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for run-all's second lane", e);
        } finally {
            removeKiller();
        }
        try {
            pump.join(10_000); // the child is gone: its last lines are being written
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path log = out.resolve(LOG);
        Path result = out.resolve(RESULT);
        if (code != 0 || !Files.exists(result)) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            throw new IOException("run-all's second lane (global-only pretraining, rungs "
                    + RUNGS.stream().map(Rung::label).toList() + ") failed with exit code " + code
                    + "; last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
        return read(result);
    }

    /**
     * In the child: waits until the first lane has written {@code checkpoint} (atomically, so it is
     * whole once it exists), polling once a second; gives up when the first lane's JVM is gone.
     */
    static void awaitFirstLane(Path checkpoint) throws IOException {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        awaitFirstLane(checkpoint, () -> parent != null && parent.isAlive());
    }

    /** {@link #awaitFirstLane(Path)} with the liveness check given (tests). */
    static void awaitFirstLane(Path checkpoint, java.util.function.BooleanSupplier firstLaneAlive) throws IOException {
        while (!Files.exists(checkpoint)) {
            if (!firstLaneAlive.getAsBoolean()) {
                throw new IOException(checkpoint + " is not there and the first lane's JVM is gone");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + checkpoint, e);
            }
        }
    }

    /** Stops the child if it still runs (the first lane failed). */
    void stop() {
        process.destroyForcibly();
        removeKiller();
    }

    private void removeKiller() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    /** PyTorch intra-op threads for each lane: the kit's count for one job (1 unless the user chose). */
    static int threadsPerLane() {
        return Threads.perJob();
    }

    /**
     * Runs {@code body} with PyTorch's intra-op threads set to {@code threads}, then restores them
     * (a notebook kernel or CLI JVM goes on with its own setting).
     */
    static <T> T withThreads(int threads, IoSupplier<T> body) throws IOException {
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try {
            return body.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    /** A body that may throw IOException. */
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    static void write(LaneResult r, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, GSON.toJson(r), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static LaneResult read(Path file) throws IOException {
        LaneResult r = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), LaneResult.class);
        if (r == null || r.rungs() == null || r.seconds() == null) {
            throw new IOException(file + ": not a run-all lane result (no rungs or seconds)");
        }
        return r;
    }

    /** The child's entry point: {@code SecondLane key=value...} as written by {@link RunAllConfig#toArgs}. */
    public static void main(String[] args) {
        try {
            RunAllConfig c = RunAllConfig.fromArgs(Arrays.asList(args));
            List<Device> devices = Devices.resolveAll(c.device());
            Devices.use(devices.get(0));
            long t0 = System.nanoTime();
            LaneResult r = Lanes.second(c, devices, name -> System.out.printf(Locale.ROOT,
                    "[lane 2 %6.1f s] %s%n", (System.nanoTime() - t0) / 1e9, name), RUNGS);
            write(r, c.out().resolve(RESULT));
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }
}

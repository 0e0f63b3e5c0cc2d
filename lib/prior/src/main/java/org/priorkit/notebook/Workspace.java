package org.priorkit.notebook;

import org.priorkit.config.PriorConfig;
import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.pretrain.PretrainJob;
import org.priorkit.pretrain.RunFolder;
import org.priorkit.pretrain.TrainOptions;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files every notebook shares, made on first use and reused afterwards (under
 * {@link Knobs#work()}):
 * <ul>
 *   <li>{@link #syntheticData}: the synthetic set at PRIOR_DATA_SCALE ({@code synthetic-s0.1-v2/}, or at scale 1 the
 *       repository's {@code data/synthetic});</li>
 *   <li>{@link #pretrainedRun}: a short pretraining run of the notebook preset on that data
 *       ({@code pretrain-notebook-e0-m0-.../}), or the finished run PRIOR_RUN names.</li>
 * </ul>
 * A notebook can therefore run on its own (it builds what is missing) or after the others (it
 * reuses their files). A file lock keeps two notebooks running at once from building the same thing
 * twice; a half-built synthetic set never looks finished (it is renamed into place at the end), and
 * a killed pretraining resumes from its last checkpoint.
 */
public final class Workspace {

    private Workspace() {}

    /** The data the notebooks use: PRIOR_DATA if given, else the synthetic set. */
    public static Path data(Knobs knobs) throws IOException {
        return knobs.realData() ? knobs.data() : syntheticData(knobs);
    }

    /**
     * The synthetic set at the knobs' scale, generated once (seed 42, 128 px). At scale 1 the repository's
     * {@code data/synthetic} is the same set, so a finished one (from run-all or pretrain) is used as it is.
     */
    @SuppressWarnings("try") // the lock is held by the try block, not read in it
    public static Path syntheticData(Knobs knobs) throws IOException {
        Path repo = Knobs.repository(knobs.work());
        Path shared = repo == null ? null : repo.resolve("data/synthetic");
        if (knobs.dataScale() == 1.0 && shared != null && SyntheticGenerator.isComplete(shared)
                && !SyntheticGenerator.isOutdated(shared)) {
            return shared;
        }
        Path root = knobs.work().resolve(syntheticName(knobs));
        if (Files.isDirectory(root)) {
            return root;
        }
        try (Lock lock = lock(knobs)) {
            if (Files.isDirectory(root)) {
                return root; // another process made it while we waited
            }
            Path partial = root.resolveSibling(root.getFileName() + ".partial");
            deleteTree(partial);
            System.err.println("generating the synthetic set (scale " + knobs.dataScale() + ") in " + root);
            System.err.println(SyntheticGenerator.generate(SyntheticConfig.defaults().scaled(knobs.dataScale()), partial, System.err::println));
            Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
            return root;
        }
    }

    /** The synthetic set's cache name: its scale and the generator's version. */
    static String syntheticName(Knobs knobs) {
        return String.format(Locale.ROOT, "synthetic-s%s-v%d", knobs.dataScale(), SyntheticGenerator.VERSION);
    }

    /** The preset of the shared run: PRIOR_PRESET (notebook), with PRIOR_EPOCHS epochs per stage if set. */
    public static PriorConfig preset(Knobs knobs) {
        PriorConfig preset = PriorConfig.preset(knobs.preset());
        return knobs.epochs() > 0 ? PretrainJob.withEpochs(preset, knobs.epochs()) : preset;
    }

    /**
     * The shared pretraining run: PRIOR_RUN if given (a finished run, e.g. run-all's), else the
     * {@link #preset} on {@link #data}, each stage cut at PRIOR_MAX_STEPS steps, BUILT when missing.
     * The notebook preset's run takes about 3 minutes on 2 CPU cores (lib/README); CI's settings
     * ({@code PRIOR_EPOCHS=1 PRIOR_MAX_STEPS=8 PRIOR_DATA_SCALE=0.1}) make it 24 steps.
     */
    @SuppressWarnings("try") // the lock is held by the try block, not read in it
    public static RunFolder pretrainedRun(Knobs knobs) throws IOException {
        Path data = data(knobs);
        if (knobs.run() != null) {
            return RunFolder.open(knobs.run(), data);
        }
        PriorConfig preset = preset(knobs);
        Path dir = knobs.work().resolve(runName(knobs, preset, data));
        if (done(dir, preset)) {
            return RunFolder.open(dir, data, preset);
        }
        try (Lock lock = lock(knobs)) {
            if (!done(dir, preset)) {
                System.err.println("building the shared pretraining run in " + dir + " (" + knobs + ")");
                TrainOptions options = TrainOptions.defaults(dir).withCheckpointEvery(1000).withLoading(2, 2)
                        .withMaxStepsPerStage(knobs.maxSteps()).withProgress(false, 50);
                new PretrainJob(data, dir, preset, null, 0).run(knobs.resolveDevice(), options);
            }
        }
        return RunFolder.open(dir, data, preset);
    }

    /**
     * The shared run's folder name: named by what it was trained on and how long, not where that sits, so a
     * copied work folder (a workshop's prebuilt run) is reused and a run on an older synthetic set, or of a
     * preset whose schedule has changed since, is not.
     */
    static String runName(Knobs knobs, PriorConfig preset, Path data) {
        String dataKey = knobs.realData() ? data.toAbsolutePath().normalize().toString() : syntheticName(knobs);
        String schedule = preset.stages().stream().map(s -> s.epochs() + "x" + s.maxSteps()).toList().toString();
        return String.format(Locale.ROOT, "pretrain-%s-e%d-m%d-%08x", preset.preset(), knobs.epochs(),
                knobs.maxSteps(), (dataKey + schedule).hashCode());
    }

    private static boolean done(Path dir, PriorConfig preset) {
        int last = preset.stages().size() - 1;
        return Files.exists(RunFolder.stageCheckpoint(dir, last, preset.stages().get(last).name()))
                && Files.exists(dir.resolve(RunFolder.VOCAB));
    }

    /** A lock on the work folder shared by processes; closing it releases the lock and its file. */
    private record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (channel) {
                lock.release();
            }
        }
    }

    private static Lock lock(Knobs knobs) throws IOException {
        Files.createDirectories(knobs.work());
        FileChannel channel = FileChannel.open(knobs.work().resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        return new Lock(channel, channel.lock());
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}

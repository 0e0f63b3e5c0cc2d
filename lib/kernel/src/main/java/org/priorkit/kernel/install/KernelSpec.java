package org.priorkit.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The kernel.json of a Jupyter kernelspec, and where Jupyter looks for kernelspecs. */
public final class KernelSpec {

    /**
     * JVM options every kernel gets: headless AWT (charts render to PNG, no display needed) and
     * DJL's CUDA probe warning silenced. They go in argv rather than JDK_JAVA_OPTIONS, which every
     * child {@code java} (mvn for %maven, %%shell) would also pick up and announce on stderr.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error");

    public static final String JAR = "prior-kernel.jar";
    /** The class-data archive install writes next to the jar (see {@link #archiveOptions}). */
    public static final String ARCHIVE = "prior-kernel.jsa";
    /** The kernel jar's argument for the run that writes the archive. */
    public static final String WARMUP = "warmup";
    public static final String NOTEBOOK_LIB = "notebook-lib";

    private KernelSpec() {}

    /**
     * Options for JDK 24 and newer, which print warnings on the kernel's stderr when JNA loads a native
     * library (a "restricted method") and when a library calls sun.misc.Unsafe's memory methods (the
     * kernel's class scanning does): the kit means both, so it allows them. Older JDKs refuse the second.
     */
    public static final List<String> JDK24_OPTIONS = List.of(
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    /**
     * A class-data archive (AppCDS) of what a kernel start loads: JShell, javac, the protocol library, DJL.
     * {@code write}: the options of the warm-up run that writes it at exit; else those that start from it.
     * CDS logging is off both ways: an archive a JDK update made stale is then skipped without a word.
     */
    public static List<String> archiveOptions(Path archive, boolean write) {
        String file = archive.toAbsolutePath().toString();
        return List.of(write ? "-XX:ArchiveClassesAtExit=" + file : "-XX:SharedArchiveFile=" + file,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * kernel.json for a spec installed in {@code specDir}, run by {@code java} of Java version
     * {@code javaFeature} (e.g. 17, 25; 0 when unknown, then no version-specific option).
     */
    public static String kernelJson(Path java, int javaFeature, Path specDir, String displayName, boolean archive) {
        JsonArray argv = new JsonArray();
        argv.add(java.toAbsolutePath().toString());
        JVM_OPTIONS.forEach(argv::add);
        if (javaFeature >= 24) {
            JDK24_OPTIONS.forEach(argv::add);
        }
        if (archive) {
            archiveOptions(specDir.resolve(ARCHIVE), false).forEach(argv::add);
        }
        argv.add("-jar");
        argv.add(specDir.toAbsolutePath().resolve(JAR).toString());
        argv.add("{connection_file}");

        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", displayName);
        spec.addProperty("language", "java");
        // "message": interrupts come as interrupt_request; a SIGINT would end the JVM.
        spec.addProperty("interrupt_mode", "message");
        spec.add("env", new JsonObject());
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** The per-user kernels directory, as jupyter_core computes it. */
    public static Path userKernelsDir(Map<String, String> env, String osName, Path home) {
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir, "kernels");
        }
        if (osName.startsWith("Mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        if (osName.startsWith("Windows")) {
            String appData = env.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString());
            return Path.of(appData, "jupyter", "kernels");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return data.resolve("jupyter/kernels");
    }

    /** {@code PREFIX/share/jupyter/kernels}. */
    public static Path prefixKernelsDir(Path prefix) {
        return prefix.toAbsolutePath().resolve("share/jupyter/kernels");
    }
}

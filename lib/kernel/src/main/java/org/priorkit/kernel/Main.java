package org.priorkit.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.priorkit.kernel.install.InstallOptions;
import org.priorkit.kernel.install.Installer;
import org.priorkit.kernel.install.KernelSpec;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code java -jar prior-kernel.jar install [options]} writes a kernelspec;
 * {@code java -jar prior-kernel.jar CONNECTION_FILE} (what Jupyter runs) starts the kernel.
 */
public final class Main {

    /**
     * slf4j-simple's per-logger level property prefix, "org.slf4j.simpleLogger.log.". Built from parts: the
     * shade plugin relocates the kernel's own slf4j and rewrites every string constant that starts with
     * "org.slf4j." to the relocated package, which turned these keys into ones the notebooks' slf4j-simple
     * never reads (DJL's INFO lines then showed in every notebook).
     */
    static final String SIMPLE_LOGGER_LEVEL = String.join(".", "org", "slf4j", "simpleLogger", "log", "");

    /** DJL's PyTorch intra-op thread count. */
    static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    private Main() {}

    /**
     * One PyTorch intra-op thread for the notebooks unless the user chose a count (OMP_NUM_THREADS, or
     * -Dai.djl.pytorch.num_threads in the kernelspec): the rule of the library's {@code device.Threads}, which
     * the command line uses (the kernel's own class path does not hold the library). On a shared machine
     * two threads per kernel mostly wait for each other (lib/README, "Threads on a shared machine").
     */
    static java.util.Optional<String> torchThreadsDefault(java.util.Map<String, String> env, String chosen) {
        return chosen != null || env.containsKey("OMP_NUM_THREADS") ? java.util.Optional.empty() : java.util.Optional.of("1");
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println("usage: java -jar prior-kernel.jar CONNECTION_FILE   (run by Jupyter)\n"
                    + "       java -jar prior-kernel.jar install --help");
            return;
        }
        if (args[0].equals("install")) {
            System.exit(install(Arrays.asList(args).subList(1, args.length)));
        }
        if (args[0].equals(KernelSpec.WARMUP)) {
            warmUp(); // run by install under -XX:ArchiveClassesAtExit: the classes a start loads, archived
            System.exit(0);
        }
        runKernel(Path.of(args[0]));
    }

    private static int install(List<String> args) throws IOException {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println(InstallOptions.USAGE);
            return 0;
        }
        try {
            InstallOptions options = InstallOptions.parse(args);
            Path jar = ownLocation();
            Path spec = Installer.install(options, jar, jar.resolveSibling(KernelSpec.NOTEBOOK_LIB));
            System.out.println("Installed kernelspec '" + options.name() + "' in " + spec);
            if (options.prefix() != null) {
                System.out.println("Jupyter finds it with JUPYTER_PATH=" + options.prefix().toAbsolutePath().resolve("share/jupyter"));
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("install: " + e.getMessage());
            return 2;
        }
    }

    /**
     * What the first cells of a session load, without Jupyter: JShell and javac, a cell with a value and
     * DJL's engine. Installing the kernel runs this once with -XX:ArchiveClassesAtExit, and the kernel then
     * starts from that class-data archive (first result ~0.9 s instead of ~1.1 s).
     */
    private static void warmUp() throws Exception {
        notebookDefaults();
        PriorKernel kernel = new PriorKernel(notebookClasspath());
        kernel.evalRaw("int answer = 6 * 7;\nanswer");
        kernel.evalRaw("try (var m = ai.djl.ndarray.NDManager.newBaseManager()) { m.ones(new ai.djl.ndarray.types.Shape(2)).sum().getFloat(); }");
    }

    /** The notebooks' JVM settings: headless charts, quiet logging, the thread default. */
    private static void notebookDefaults() {
        // The protocol library logs socket loops starting and stopping at INFO through
        // java.util.logging's console handler; keep the Jupyter server log for problems.
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.WARNING);
        }
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        // The notebooks' logger (slf4j-simple on the notebook class path): DJL's INFO chatter off, and
        // "Failed to detect GPU count" is no warning on a CPU machine (the kit says which device it uses).
        defaultProperty(SIMPLE_LOGGER_LEVEL + "ai.djl", "warn");
        defaultProperty(SIMPLE_LOGGER_LEVEL + "ai.djl.util.cuda.CudaUtils", "error");
        torchThreadsDefault(System.getenv(), System.getProperty(TORCH_THREADS)).ifPresent(v -> System.setProperty(TORCH_THREADS, v));
    }

    private static void runKernel(Path connectionFile) throws Exception {
        if (!Files.isRegularFile(connectionFile)) {
            throw new IllegalArgumentException("connection file " + connectionFile + " does not exist");
        }
        notebookDefaults();

        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JupyterConnection connection = new JupyterConnection(properties);
        PriorKernel kernel = new PriorKernel(notebookClasspath());
        kernel.becomeHandlerForConnection(connection); // handlers before sockets bind: no early message is lost
        ParentWatch.exitWith(System.getenv("JPY_PARENT_PID"));
        connection.connect();
        connection.waitUntilClose();
        // DJL and user code may leave non-daemon threads behind; the kernel's life ends here.
        System.exit(0);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The jars in notebook-lib/ next to the kernel jar (the build's target/ or the kernelspec). */
    static List<Path> notebookClasspath() throws IOException, URISyntaxException {
        Path lib = ownLocation().resolveSibling(KernelSpec.NOTEBOOK_LIB);
        if (!Files.isDirectory(lib)) {
            System.err.println("prior-kernel: no " + lib + "; the notebook class path has only the JDK");
            return List.of();
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Path ownLocation() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate prior-kernel.jar", e);
        }
    }
}

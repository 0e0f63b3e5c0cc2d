package org.priorkit.kernel.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes a self-contained kernelspec: kernel.json, the kernel jar and the notebook class path
 * (notebook-lib/), so the kernel keeps working after the build tree is cleaned or moved.
 */
public final class Installer {

    private Installer() {}

    /**
     * Installs the spec for the kernel jar {@code kernelJar}, whose notebook jars are in
     * {@code notebookLib}. Returns the spec directory.
     */
    public static Path install(InstallOptions options, Path kernelJar, Path notebookLib) throws IOException {
        Path java = javaExecutable(options.java());
        Path kernels = options.prefix() != null ? KernelSpec.prefixKernelsDir(options.prefix())
                : options.sysPrefix() ? KernelSpec.prefixKernelsDir(jupyterSysPrefix())
                : KernelSpec.userKernelsDir(System.getenv(), System.getProperty("os.name"),
                        Path.of(System.getProperty("user.home")));
        Path spec = kernels.resolve(options.name());
        if (!Files.isRegularFile(kernelJar)) {
            throw new IllegalStateException("the kernel is not running from its jar (" + kernelJar
                    + "); build it with: mvn -f lib/pom.xml package -DskipTests");
        }
        if (!Files.isDirectory(notebookLib)) {
            throw new IllegalStateException("no " + KernelSpec.NOTEBOOK_LIB + "/ next to " + kernelJar
                    + "; build with: mvn -f lib/pom.xml package -DskipTests");
        }
        deleteTree(spec);
        Files.createDirectories(spec.resolve(KernelSpec.NOTEBOOK_LIB));
        Files.copy(kernelJar, spec.resolve(KernelSpec.JAR), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> jars = Files.list(notebookLib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, spec.resolve(KernelSpec.NOTEBOOK_LIB).resolve(jar.getFileName()));
            }
        }
        int feature = releaseMajor(java.getParent().resolveSibling("release")).orElse(0);
        boolean archive = options.archive() && writeArchive(java, feature, spec);
        Files.writeString(spec.resolve("kernel.json"), KernelSpec.kernelJson(java, feature, spec, options.displayName(), archive));
        return spec;
    }

    /**
     * Runs the installed kernel's warm-up once with {@code java}, writing the class-data archive the kernel
     * then starts from. On failure the kernel simply starts without it (a few tenths of a second slower).
     */
    static boolean writeArchive(Path java, int feature, Path spec) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(KernelSpec.JVM_OPTIONS);
        if (feature >= 24) {
            command.addAll(KernelSpec.JDK24_OPTIONS);
        }
        command.addAll(KernelSpec.archiveOptions(spec.resolve(KernelSpec.ARCHIVE), true));
        command.addAll(List.of("-jar", spec.resolve(KernelSpec.JAR).toString(), KernelSpec.WARMUP));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean done = p.waitFor(180, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            return done && p.exitValue() == 0 && Files.isRegularFile(spec.resolve(KernelSpec.ARCHIVE));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The java executable for a path that is one, or a JDK home; checks it is Java 17 or newer. */
    static Path javaExecutable(Path given) {
        Path java = (given == null ? Path.of(System.getProperty("java.home"), "bin", "java")
                : Files.isDirectory(given) ? given.resolve("bin").resolve("java") : given).toAbsolutePath().normalize();
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new IllegalArgumentException("--java " + given + ": " + java + " is not an executable java");
        }
        Path release = java.getParent().resolveSibling("release");
        if (Files.isRegularFile(release)) {
            releaseMajor(release).filter(v -> v < 17).ifPresent(v -> {
                throw new IllegalArgumentException("--java " + java + " is Java " + v + "; the kernel needs 17 or newer");
            });
        }
        return java;
    }

    /** The Java feature version a JDK's {@code release} file states (17, 25, ...), if it can be read. */
    static Optional<Integer> releaseMajor(Path release) {
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", ""))
                    .map(v -> v.startsWith("1.") ? v.substring(2) : v)
                    .map(v -> Integer.parseInt(v.split("[.+\\-]")[0]))
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** sys.prefix of the Python in the shebang of the 'jupyter' command on the PATH. */
    private static Path jupyterSysPrefix() throws IOException {
        Path jupyter = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "jupyter")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("--sys-prefix: no 'jupyter' on the PATH; use --prefix DIR"));
        String shebang = Files.readAllLines(jupyter, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        if (!shebang.startsWith("#!")) {
            throw new IllegalStateException("--sys-prefix: cannot tell which Python runs " + jupyter + "; use --prefix DIR");
        }
        List<String> command = new java.util.ArrayList<>(Arrays.asList(shebang.substring(2).trim().split("\\s+")));
        command.addAll(List.of("-c", "import sys; print(sys.prefix)"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = p.getInputStream()) {
            String prefix = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || prefix.isEmpty()) {
                throw new IllegalStateException("--sys-prefix: " + command + " failed: " + prefix);
            }
            return Path.of(prefix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

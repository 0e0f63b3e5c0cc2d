package org.priorkit.kernel.magic;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Resolves {@code %maven} coordinates to jar files by running the {@code mvn} command on a
 * throw-away POM: the user's own Maven, settings, mirrors and {@code ~/.m2} cache apply, and no
 * resolver library has to live inside the kernel. It first tries offline (quick, and works with no
 * network when the artifacts are cached), then online.
 */
public final class MavenResolver {

    /** Pinned so that offline runs need no plugin metadata lookup. */
    static final String PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";

    private final Map<String, String> repositories = new LinkedHashMap<>();
    private volatile Process running;

    /** Adds a repository besides Maven Central ({@code %mavenRepo id url}). */
    public void addRepository(String id, String url) {
        repositories.put(id, url);
    }

    /** The jars (with all runtime dependencies) of the given artifacts, in Maven's order. */
    public List<Path> resolve(List<MavenCoordinate> coordinates, Consumer<String> progress)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("prior-kernel-maven");
        try {
            Path pom = Files.writeString(dir.resolve("pom.xml"), pom(coordinates, repositories));
            return resolve(pom, coordinates.toString(), progress);
        } finally {
            deleteTree(dir);
        }
    }

    /** The runtime class path of a project's POM ({@code %loadFromPOM}). */
    public List<Path> resolvePom(Path pom, Consumer<String> progress) throws IOException, InterruptedException {
        if (!Files.isRegularFile(pom)) {
            throw new IllegalArgumentException("no POM at " + pom);
        }
        return resolve(pom, "the dependencies of " + pom, progress);
    }

    private List<Path> resolve(Path pom, String what, Consumer<String> progress) throws IOException, InterruptedException {
        Path classpath = Files.createTempFile("prior-kernel-classpath", ".txt");
        try {
            if (run(pom, classpath, true) != null) {
                progress.accept("Not everything is in the local Maven repository; resolving online ...");
                String log = run(pom, classpath, false);
                if (log != null) {
                    throw new IOException("Maven could not resolve " + what + ":\n" + errors(log));
                }
            }
            String text = Files.readString(classpath).trim();
            return text.isEmpty() ? List.of()
                    : Arrays.stream(text.split(File.pathSeparator)).map(Path::of).toList();
        } finally {
            Files.deleteIfExists(classpath);
        }
    }

    /** Stops a running {@code mvn}, for a kernel interrupt. */
    public void interrupt() {
        Process p = running;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    /** The POM whose runtime class path is the answer. */
    static String pom(List<MavenCoordinate> coordinates, Map<String, String> repositories) {
        StringBuilder xml = new StringBuilder("""
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.priorkit.notebook</groupId>
                  <artifactId>notebook-maven-magic</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <dependencies>
                """);
        coordinates.forEach(c -> xml.append(c.toDependencyXml()));
        xml.append("  </dependencies>\n");
        if (!repositories.isEmpty()) {
            xml.append("  <repositories>\n");
            repositories.forEach((id, url) -> xml.append("    <repository><id>").append(id)
                    .append("</id><url>").append(url).append("</url></repository>\n"));
            xml.append("  </repositories>\n");
        }
        return xml.append("</project>\n").toString();
    }

    /** Runs mvn; null on success, else its output. */
    private String run(Path pom, Path classpath, boolean offline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn().toString(), "-B", "-q", "-Dstyle.color=never"));
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of("-f", pom.toString(), PLUGIN,
                "-Dmdep.outputFile=" + classpath, "-Dmdep.includeScope=runtime"));
        Process p = new ProcessBuilder(command).directory(pom.toAbsolutePath().getParent().toFile()).redirectErrorStream(true).start();
        running = p;
        try (InputStream out = p.getInputStream()) {
            String log = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? null : log;
        } finally {
            running = null;
        }
    }

    /** {@code $MAVEN_HOME/bin/mvn}, else {@code mvn} on the PATH. */
    static Path mvn() {
        String exe = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
        Optional<Path> home = Stream.of(System.getenv("MAVEN_HOME"), System.getenv("M2_HOME"))
                .filter(h -> h != null && !h.isBlank())
                .map(h -> Path.of(h, "bin", exe)).filter(Files::isExecutable).findFirst();
        if (home.isPresent()) {
            return home.get();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).map(d -> Path.of(d, exe))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("%maven needs Maven: no '" + exe
                        + "' on the PATH and MAVEN_HOME is not set. Install Maven, or add jars with %jars."));
    }

    /** Maven's [ERROR] lines without its generic advice ("re-run with -X", help links). */
    static String errors(String log) {
        List<String> errors = log.lines()
                .map(l -> l.replaceAll("\u001B\\[[;\\d]*m", "").replace(" -> [Help 1]", "").strip())
                .filter(l -> l.startsWith("[ERROR]") && l.length() > "[ERROR]".length())
                .filter(l -> !l.contains("re-run Maven") && !l.contains("Re-run Maven")
                        && !l.contains("For more information") && !l.contains("[Help 1]")
                        && !l.contains("resume the build") && !l.contains("mvn <args>"))
                .toList();
        return errors.isEmpty() ? log.strip() : String.join("\n", errors);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

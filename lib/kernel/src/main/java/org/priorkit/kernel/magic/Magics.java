package org.priorkit.kernel.magic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The IJava magics notebooks use: {@code %jars}/{@code %classpath}, {@code %maven}
 * ({@code %addMavenDependency}), {@code %mavenRepo}, {@code %loadFromPOM}, {@code %load}, and the
 * cell magic {@code %%shell}.
 */
public final class Magics {

    private static final List<String> LOAD_EXTENSIONS = List.of("", ".jsh", ".jshell", ".java", ".ipynb");
    private static final Set<String> LINE_MAGICS = Set.of("jars", "classpath", "maven", "addMavenDependency",
            "addMavenDependencies", "mavenRepo", "loadFromPOM", "load");

    private final MagicContext context;
    private final MavenResolver maven;
    private volatile Process shell;

    public Magics(MagicContext context, MavenResolver maven) {
        this.context = context;
        this.maven = maven;
    }

    public void run(CellParser.LineMagic magic) throws Exception {
        List<String> args = magic.args();
        switch (magic.name()) {
            case "jars", "classpath" -> context.addToClasspath(requireArgs(magic, expandAll(args)));
            case "maven", "addMavenDependency", "addMavenDependencies" -> {
                List<MavenCoordinate> coordinates = requireArgs(magic, args).stream()
                        .map(MavenCoordinate::parse).toList();
                context.addToClasspath(maven.resolve(coordinates, context.out()::println));
            }
            case "mavenRepo" -> {
                if (args.size() != 2) {
                    throw new IllegalArgumentException("usage: %mavenRepo <id> <url>");
                }
                maven.addRepository(args.get(0), args.get(1));
            }
            case "loadFromPOM" -> {
                if (args.size() != 1) {
                    throw new IllegalArgumentException("usage: %loadFromPOM <path to pom.xml>");
                }
                context.addToClasspath(maven.resolvePom(resolve(args.get(0)), context.out()::println));
            }
            case "load" -> {
                for (String file : requireArgs(magic, args)) {
                    context.evalCell(loadSource(file), file);
                }
            }
            default -> throw unknown("%" + magic.name());
        }
    }

    public void run(CellParser.CellMagic magic) throws Exception {
        switch (magic.name()) {
            case "shell" -> shell(magic.body());
            case "loadFromPOM" -> {
                Path dir = Files.createTempDirectory("prior-kernel-pom");
                Path pom = Files.writeString(dir.resolve("pom.xml"), pomOf(magic.body()));
                try {
                    context.addToClasspath(maven.resolvePom(pom, context.out()::println));
                } finally {
                    Files.deleteIfExists(pom);
                    Files.deleteIfExists(dir);
                }
            }
            default -> throw unknown("%%" + magic.name());
        }
    }

    /**
     * The POM of a {@code %%loadFromPOM} cell, as IJava reads it: a whole {@code <project>}, or parts of one
     * ({@code <dependencies>}, {@code <repositories>}, or bare {@code <dependency>} elements) put in a project.
     */
    static String pomOf(String body) {
        String xml = body.strip();
        if (!xml.startsWith("<")) {
            throw new IllegalArgumentException("%%loadFromPOM: the cell holds no XML; give a <project>, <dependencies> or <dependency> elements");
        }
        if (xml.contains("<project")) {
            return xml;
        }
        String parts = xml.contains("<dependencies>") || xml.contains("<repositories>") ? xml
                : "<dependencies>\n" + xml + "\n</dependencies>";
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n<modelVersion>4.0.0</modelVersion>\n"
                + "<groupId>notebook</groupId><artifactId>cell</artifactId><version>1</version>\n" + parts + "\n</project>\n";
    }

    private void shell(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script)
                .directory(context.workingDir().toFile()).redirectErrorStream(true).start();
        shell = p;
        try (InputStream out = p.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = out.read(buffer)) > 0; ) {
                context.out().print(new String(buffer, 0, n, StandardCharsets.UTF_8));
                context.out().flush();
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("%%shell: the script exited with status " + code);
            }
        } finally {
            shell = null;
        }
    }

    /** Stops a running {@code mvn} or {@code %%shell} script. */
    public void interrupt() {
        maven.interrupt();
        Process p = shell;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    /** Source text of a {@code %load} argument: a .jsh/.java file or a notebook's code cells. */
    String loadSource(String file) throws IOException {
        for (String extension : LOAD_EXTENSIONS) {
            Path candidate = resolve(file + extension);
            if (Files.isRegularFile(candidate)) {
                String text = Files.readString(candidate);
                return candidate.toString().endsWith(".ipynb") ? NotebookCode.of(text) : text;
            }
        }
        throw new IllegalArgumentException("%load: no file '" + file + "' (also tried " + LOAD_EXTENSIONS.subList(1,
                LOAD_EXTENSIONS.size()) + ") relative to " + context.workingDir());
    }

    /** Paths with {@code *}/{@code ?} globs in their last element expanded, relative to the working dir. */
    List<Path> expandAll(List<String> patterns) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String pattern : patterns) {
            List<Path> matches = expand(pattern);
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("no file matches '" + pattern + "' (relative to "
                        + context.workingDir() + ")");
            }
            paths.addAll(matches);
        }
        return paths;
    }

    private List<Path> expand(String pattern) throws IOException {
        Path path = resolve(pattern);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(path.getParent())) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(path.getParent())) {
                dir.forEach(p -> {
                    if (matcher.matches(p.getFileName())) {
                        matches.add(p);
                    }
                });
            }
        }
        matches.sort(null);
        return matches;
    }

    private Path resolve(String file) {
        String expanded = file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file;
        return context.workingDir().resolve(expanded).normalize();
    }

    private static <T> List<T> requireArgs(CellParser.LineMagic magic, List<T> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%" + magic.name() + " needs at least one argument");
        }
        return args;
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown magic " + name + "; this kernel knows %"
                + String.join(", %", LINE_MAGICS.stream().sorted().toList()) + ", %%shell and %%loadFromPOM");
    }
}

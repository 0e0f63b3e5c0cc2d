package org.priorkit.kernel.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSpecTest {

    @TempDir
    Path dir;

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void kernelJsonRunsTheJarWithTheChosenJavaAndMessageInterrupts() {
        Path spec = dir.resolve("kernels/prior-java");
        JsonObject json = JsonParser.parseString(KernelSpec.kernelJson(JAVA, 17, spec, "Java (PRIOR kit)", false)).getAsJsonObject();
        List<String> argv = json.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(JAVA.toAbsolutePath().toString(), argv.get(0));
        assertTrue(argv.contains("-Djava.awt.headless=true"), argv.toString());
        assertTrue(argv.contains("-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error"), argv.toString());
        assertEquals(List.of("-jar", spec.resolve("prior-kernel.jar").toString(), "{connection_file}"),
                argv.subList(argv.size() - 3, argv.size()));
        assertEquals("Java (PRIOR kit)", json.get("display_name").getAsString());
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertFalse(argv.stream().anyMatch(KernelSpec.JDK24_OPTIONS::contains), "JDK 17 refuses them: " + argv);
    }

    /** On JDK 25 the kernel's stderr had "restricted method" (JNA) and "sun.misc.Unsafe" warnings. */
    @Test
    void jdk24AndNewerAllowNativeAccessAndUnsafeMemoryAccess() {
        Path spec = dir.resolve("kernels/prior-java");
        List<String> argv = JsonParser.parseString(KernelSpec.kernelJson(JAVA, 25, spec, "J", false)).getAsJsonObject()
                .getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertTrue(argv.containsAll(KernelSpec.JDK24_OPTIONS), argv.toString());
        assertTrue(argv.indexOf("-jar") > argv.indexOf("--sun-misc-unsafe-memory-access=allow"), "JVM options before -jar");
    }

    @Test
    void aClassDataArchiveIsUsedWhenInstallWroteOne() {
        Path spec = dir.resolve("kernels/prior-java");
        List<String> argv = JsonParser.parseString(KernelSpec.kernelJson(JAVA, 17, spec, "J", true)).getAsJsonObject()
                .getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertTrue(argv.contains("-XX:SharedArchiveFile=" + spec.resolve(KernelSpec.ARCHIVE).toAbsolutePath()), argv.toString());
        assertTrue(argv.contains("-Xlog:cds=off") && argv.indexOf("-jar") > argv.indexOf("-Xlog:cds=off"), argv.toString());
        assertEquals("-XX:ArchiveClassesAtExit=" + spec.resolve(KernelSpec.ARCHIVE).toAbsolutePath(),
                KernelSpec.archiveOptions(spec.resolve(KernelSpec.ARCHIVE), true).get(0));
    }

    @Test
    void userKernelsDirFollowsJupyterCoreRules() {
        Path home = Path.of("/home/ada");
        assertEquals(Path.of("/home/ada/.local/share/jupyter/kernels"), KernelSpec.userKernelsDir(Map.of(), "Linux", home));
        assertEquals(Path.of("/x/jupyter/kernels"), KernelSpec.userKernelsDir(Map.of("XDG_DATA_HOME", "/x"), "Linux", home));
        assertEquals(Path.of("/d/kernels"), KernelSpec.userKernelsDir(Map.of("JUPYTER_DATA_DIR", "/d"), "Linux", home));
        assertEquals(Path.of("/home/ada/Library/Jupyter/kernels"), KernelSpec.userKernelsDir(Map.of(), "Mac OS X", home));
    }

    @Test
    void optionsParseAndRejectNonsense() {
        InstallOptions o = InstallOptions.parse(List.of("--prefix", "/tmp/p", "--java", "/opt/jdk", "--name", "k1"));
        assertEquals(Path.of("/tmp/p"), o.prefix());
        assertEquals(Path.of("/opt/jdk"), o.java());
        assertEquals("k1", o.name());
        InstallOptions defaults = InstallOptions.parse(List.of());
        assertNull(defaults.prefix());
        assertFalse(defaults.sysPrefix());
        assertEquals("prior-java", defaults.name());
        assertTrue(defaults.archive(), "a class-data archive by default");
        assertFalse(InstallOptions.parse(List.of("--no-archive")).archive());
        assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--user", "--prefix", "/p")));
        assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--prefix")));
        assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--name", "a b")));
        assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--bogus")));
    }

    @Test
    void installWritesASelfContainedSpec() throws IOException {
        Files.createDirectories(dir.resolve("build"));
        Path jar = Files.writeString(dir.resolve("build/prior-kernel.jar"), "jar");
        Path lib = Files.createDirectories(dir.resolve("build/notebook-lib"));
        Files.writeString(lib.resolve("prior-0.1.0.jar"), "p");
        Files.writeString(lib.resolve("xchart-4.0.3.jar"), "x");
        InstallOptions options = InstallOptions.parse(List.of("--prefix", dir.resolve("prefix").toString(), "--java",
                System.getProperty("java.home")));

        Path spec = Installer.install(options, jar, lib);

        assertEquals(dir.resolve("prefix/share/jupyter/kernels/prior-java").toAbsolutePath(), spec);
        assertTrue(Files.isRegularFile(spec.resolve("prior-kernel.jar")));
        assertTrue(Files.isRegularFile(spec.resolve("notebook-lib/prior-0.1.0.jar")));
        assertTrue(Files.isRegularFile(spec.resolve("notebook-lib/xchart-4.0.3.jar")));
        String json = Files.readString(spec.resolve("kernel.json"));
        assertTrue(json.contains(JAVA.toAbsolutePath().toString()), json);
        assertFalse(json.contains("SharedArchiveFile"), "this jar is no kernel: its warm-up fails, the spec runs without an archive");

        Files.delete(lib.resolve("xchart-4.0.3.jar"));
        Installer.install(options, jar, lib); // reinstall replaces, leaves no stale jars
        assertFalse(Files.exists(spec.resolve("notebook-lib/xchart-4.0.3.jar")));
    }

    @Test
    void javaMustBeAnExecutable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Installer.javaExecutable(dir.resolve("no-such-java")));
        assertTrue(e.getMessage().contains("not an executable java"), e.getMessage());
        assertEquals(JAVA.toAbsolutePath().normalize(), Installer.javaExecutable(Path.of(System.getProperty("java.home"))));
    }
}

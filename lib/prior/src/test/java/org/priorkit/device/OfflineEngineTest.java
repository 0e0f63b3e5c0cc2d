package org.priorkit.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Proves the engine needs no network: a fresh JVM with an EMPTY DJL cache, every web URL refused,
 * DJL's offline switch on and proxies pointing at a closed port, must still load libtorch (from
 * the pytorch-native-cpu jar on the class path) and compute.
 */
class OfflineEngineTest {

    @Test
    void engineLoadsFromMavenJarsWithNoNetwork(@TempDir Path cache) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                java.toString(),
                "-Dai.djl.offline=true",
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9",
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
                "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error",
                "-cp", System.getProperty("java.class.path"),
                OfflineProbe.class.getName()));
        pb.environment().put("DJL_CACHE_DIR", cache.toString());
        pb.environment().put("ENGINE_CACHE_DIR", cache.toString());
        pb.environment().remove("PYTORCH_VERSION"); // either of these makes DJL download
        pb.environment().remove("PYTORCH_FLAVOR");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "probe did not finish in 180 s");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertFalse(out.contains("REFUSED"), "the engine tried the network:\n" + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("RESULT 54.0"), out); // [[1,2],[3,4]]^2 = [[7,10],[15,22]], sum 54
        // libtorch was unpacked into the empty cache we gave it: it came from the jar.
        try (Stream<Path> files = Files.walk(cache)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("libtorch")),
                    "libtorch not found under " + cache + "\n" + out);
        }
    }
}

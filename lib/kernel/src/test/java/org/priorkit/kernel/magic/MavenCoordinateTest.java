package org.priorkit.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MavenCoordinateTest {

    @Test
    void parsesMavensThreeFourAndFivePartForms() {
        assertEquals(new MavenCoordinate("g", "a", "jar", "", "1.0"), MavenCoordinate.parse("g:a:1.0"));
        assertEquals(new MavenCoordinate("g", "a", "pom", "", "1.0"), MavenCoordinate.parse("g:a:pom:1.0"));
        assertEquals(new MavenCoordinate("ai.djl.pytorch", "pytorch-native-cpu", "jar", "linux-x86_64", "2.7.1"),
                MavenCoordinate.parse("ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64:2.7.1"));
        assertEquals("g:a:jar:c:1", MavenCoordinate.parse("g:a:jar:c:1").toString());
    }

    @Test
    void badCoordinatesSayHowToWriteThem() {
        for (String bad : List.of("g:a", "g::1", "g:a:1:2:3:4", "g:a b:1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MavenCoordinate.parse(bad));
            assertTrue(e.getMessage().contains("group:artifact:version"), e.getMessage());
        }
    }

    @Test
    void pomListsDependenciesAndExtraRepositories() {
        String pom = MavenResolver.pom(
                List.of(MavenCoordinate.parse("g:a:1"), MavenCoordinate.parse("g:n:jar:linux:2")),
                Map.of("mine", "https://repo.example.org/maven2"));
        assertTrue(pom.contains("<groupId>g</groupId><artifactId>a</artifactId><version>1</version></dependency>"), pom);
        assertTrue(pom.contains("<artifactId>n</artifactId><version>2</version><classifier>linux</classifier>"), pom);
        assertTrue(pom.contains("<repository><id>mine</id><url>https://repo.example.org/maven2</url></repository>"), pom);
        assertTrue(pom.contains("<packaging>pom</packaging>"), pom);
    }

    @Test
    void mavenFailureKeepsTheErrorAndDropsTheBoilerplate() {
        String log = """
                \u001B[0m[ERROR] Failed to execute goal on project x: Could not find artifact g:a:jar:1 in central -> [Help 1]
                [ERROR]\s
                [ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
                [ERROR] Re-run Maven using the -X switch to enable full debug logging.
                [ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/DependencyResolutionException
                """;
        assertEquals("[ERROR] Failed to execute goal on project x: Could not find artifact g:a:jar:1 in central",
                MavenResolver.errors(log));
    }
}

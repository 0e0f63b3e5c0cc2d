package org.priorkit.kernel.magic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicsTest {

    @TempDir
    Path dir;

    private final List<Path> classpath = new ArrayList<>();
    private final List<String> evaluated = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Magics magics() {
        return new Magics(new MagicContext() {
            @Override
            public void addToClasspath(List<Path> entries) {
                classpath.addAll(entries);
            }

            @Override
            public void evalCell(String text, String where) {
                evaluated.add(where + ": " + text);
            }

            @Override
            public Path workingDir() {
                return dir;
            }

            @Override
            public PrintStream out() {
                return new PrintStream(out, true, StandardCharsets.UTF_8);
            }
        }, new MavenResolver());
    }

    private static CellParser.LineMagic line(String text) {
        return (CellParser.LineMagic) CellParser.parse(text).parts().get(0);
    }

    @Test
    void jarsExpandsGlobsRelativeToTheWorkingDir() throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/b.jar"), "");
        Files.writeString(dir.resolve("lib/a.jar"), "");
        Files.writeString(dir.resolve("lib/notes.txt"), "");
        Files.createDirectories(dir.resolve("classes"));
        magics().run(line("%jars lib/*.jar classes"));
        assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar"), dir.resolve("classes")), classpath);
    }

    @Test
    void classpathWithNoMatchNamesThePatternAndTheDirectory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> magics().run(line("%classpath missing/*.jar")));
        assertTrue(e.getMessage().contains("missing/*.jar") && e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void loadTriesJavaExtensionsAndRunsTheFileAsACell() throws Exception {
        Files.writeString(dir.resolve("utils.jsh"), "%maven a:b:1\nint two() { return 2; }\n");
        magics().run(line("%load utils"));
        assertEquals(List.of("utils: %maven a:b:1\nint two() { return 2; }\n"), evaluated);
    }

    @Test
    void loadOfANotebookRunsItsCodeCells() throws Exception {
        Files.writeString(dir.resolve("setup.ipynb"), """
                {"cells": [
                  {"cell_type": "markdown", "source": ["# title"]},
                  {"cell_type": "code", "source": ["int a = 1;\\n", "int b = 2;"]},
                  {"cell_type": "code", "source": "int c = 3;"}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");
        magics().run(line("%load setup.ipynb"));
        assertEquals(List.of("setup.ipynb: int a = 1;\nint b = 2;\nint c = 3;"), evaluated);
    }

    @Test
    void unknownMagicListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> magics().run(line("%time x")));
        assertTrue(e.getMessage().contains("%time") && e.getMessage().contains("%maven"), e.getMessage());
    }

    @Test
    void shellCellMagicStreamsOutputAndFailsOnNonZeroExit() throws Exception {
        magics().run(CellParser.parse("%%shell\necho hello from $0").cellMagic().orElseThrow());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("hello from bash"), out.toString(StandardCharsets.UTF_8));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> magics().run(CellParser.parse("%%shell\nexit 3").cellMagic().orElseThrow()));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void loadFromPomCellTakesAProjectOrItsParts() {
        String dependency = "<dependency><groupId>g</groupId><artifactId>a</artifactId><version>1</version></dependency>";
        String wrapped = Magics.pomOf(dependency);
        assertTrue(wrapped.contains("<dependencies>\n" + dependency + "\n</dependencies>") && wrapped.contains("<modelVersion>"),
                wrapped);
        String parts = "<repositories><repository><id>r</id><url>file:///tmp/r</url></repository></repositories>\n<dependencies>"
                + dependency + "</dependencies>";
        assertTrue(Magics.pomOf(parts).contains(parts) && !Magics.pomOf(parts).contains("<dependencies>\n<repositories>"));
        String whole = "<project><modelVersion>4.0.0</modelVersion></project>";
        assertEquals(whole, Magics.pomOf("\n" + whole + "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> magics().run(CellParser.parse("%%loadFromPOM\ng:a:1").cellMagic().orElseThrow()));
        assertTrue(e.getMessage().startsWith("%%loadFromPOM: the cell holds no XML"), e.getMessage());
    }
}

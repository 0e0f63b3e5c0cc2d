package org.priorkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * lib/README's package picture is the rule: a package of {@code org.priorkit} may use only the packages
 * listed ABOVE it there, and no two packages (sub-packages included) may use each other, directly or
 * round a loop. Checked by scanning the main sources' code (imports and fully qualified names;
 * comments and strings do not count), so the picture cannot drift from the code.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java/org/priorkit");
    private static final Path README = Path.of("../README.md");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.priorkit((?:\\.[a-z][a-z0-9]*)+)");

    @Test
    void everyPackageUsesOnlyThePackagesAboveItInTheReadme() throws IOException {
        List<String> wrong = violations(readmeLayers(), packageUses());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theLayerCheckFindsAnUpwardUseAndAMissingPackage() {
        Map<String, Integer> layer = Map.of("config", 1, "model", 2, "report", 3, "viz", 3);
        Map<String, Set<String>> uses = new TreeMap<>();
        uses.put("model", Set.of("config", "model.sub"));
        uses.put("config", Set.of("model"));
        uses.put("report", Set.of("viz"));
        uses.put("extra", Set.of());
        assertEquals(List.of("config uses model, which the picture lists at or below it",
                "package extra is not in lib/README's picture",
                "report uses viz, which the picture lists at or below it"), violations(layer, uses));
    }

    /** Every use of a package that the picture does not list above the user, sorted. */
    static List<String> violations(Map<String, Integer> layer, Map<String, Set<String>> uses) {
        Set<String> wrong = new TreeSet<>();
        for (Map.Entry<String, Set<String>> e : uses.entrySet()) {
            String from = top(e.getKey());
            if (!layer.containsKey(from)) {
                wrong.add("package " + from + " is not in lib/README's picture");
                continue;
            }
            for (String to : e.getValue()) {
                String target = top(to);
                if (!target.equals(from) && !(layer.getOrDefault(target, Integer.MAX_VALUE) < layer.get(from))) {
                    wrong.add(e.getKey() + " uses " + to + ", which the picture lists "
                            + (layer.containsKey(target) ? "at or below it" : "nowhere"));
                }
            }
        }
        return new ArrayList<>(wrong);
    }

    @Test
    void noPackagesUseEachOther() throws IOException {
        List<List<String>> cycles = cycles(packageUses());
        assertTrue(cycles.isEmpty(), "package cycles: " + cycles);
    }

    @Test
    void theCycleCheckFindsALoop() {
        Map<String, Set<String>> uses = new TreeMap<>();
        uses.put("a", Set.of("b"));
        uses.put("b", Set.of("c"));
        uses.put("c", Set.of("a"));
        uses.put("d", Set.of("a"));
        assertEquals(List.of(List.of("a", "b", "c")), cycles(uses));
    }

    @Test
    void commentsAndStringsAreNotCode() {
        assertEquals("import a;   x = \"\"; \n y", code("import a; /* org.priorkit.b */ x = \"org.priorkit.c\"; // org.priorkit.d\n y"));
        assertEquals("\"\" + y", code("\"http://x\" + y"));
    }

    /** Top-level package name -> its line in the picture (names on one line share it, e.g. "report, viz"). */
    static Map<String, Integer> readmeLayers() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int section = text.indexOf("## Packages of `org.priorkit`");
        assertTrue(section >= 0, "lib/README has no package picture");
        int open = text.indexOf("```", section);
        int close = text.indexOf("```", open + 3);
        Map<String, Integer> layer = new LinkedHashMap<>();
        int line = 0;
        for (String row : text.substring(open + 3, close).split("\n")) {
            if (row.isBlank() || Character.isWhitespace(row.charAt(0))) {
                continue; // a description's continuation
            }
            line++;
            for (String name : row.split(" {2,}")[0].split(",")) {
                layer.put(name.strip(), line);
            }
        }
        return layer;
    }

    /** Package ("data.image") -> the kit's packages its code names (fully, or in imports). */
    static Map<String, Set<String>> packageUses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        Set<String> packages = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path f : files) {
            packages.add(packageOf(f));
        }
        for (Path f : files) {
            String from = packageOf(f);
            Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(code(Files.readString(f, StandardCharsets.UTF_8)));
            while (m.find()) {
                String name = m.group(1).substring(1);
                while (!packages.contains(name) && name.contains(".")) {
                    name = name.substring(0, name.lastIndexOf('.')); // a class or member after the package
                }
                if (packages.contains(name) && !name.equals(from)) {
                    to.add(name);
                }
            }
        }
        return uses;
    }

    /** Every group of packages that reach each other (Tarjan's strongly connected components of size > 1). */
    static List<List<String>> cycles(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        List<List<String>> out = new ArrayList<>();
        for (String p : uses.keySet()) {
            if (!index.containsKey(p)) {
                visit(p, uses, index, low, stack, out);
            }
        }
        return out;
    }

    private static void visit(String p, Map<String, Set<String>> uses, Map<String, Integer> index,
                              Map<String, Integer> low, List<String> stack, List<List<String>> out) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.add(p);
        for (String q : uses.getOrDefault(p, Set.of())) {
            if (!index.containsKey(q)) {
                visit(q, uses, index, low, stack, out);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (stack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            List<String> group = new ArrayList<>(stack.subList(stack.indexOf(p), stack.size()));
            stack.subList(stack.indexOf(p), stack.size()).clear();
            if (group.size() > 1) {
                out.add(group.stream().sorted().toList());
            }
        }
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
    }

    private static String top(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    /** The source without comments, string literals and char literals (a small scanner, one pass). */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}

package org.priorkit.kernel.jshell;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JShell in this JVM with an empty notebook class path: a couple of seconds to start. */
class CellEvaluatorTest {

    private static CellEvaluator jshell;

    @BeforeAll
    static void start() {
        jshell = CellEvaluator.start(List.of());
    }

    @AfterAll
    static void stop() {
        jshell.close();
    }

    private static Optional<CellEvaluator.Value> cell(String code) {
        jshell.beginCell();
        return jshell.eval(code, "cell", 1);
    }

    @Test
    void lastExpressionIsTheCellValueAsARealObject() {
        Optional<CellEvaluator.Value> v = cell("List<Integer> xs = List.of(1, 2);\nxs");
        assertEquals(List.of(1, 2), v.orElseThrow().value());
        assertTrue(cell("int unused = 3;").isEmpty(), "a declaration has no value to show");
        assertTrue(cell("System.out.print(\"\")").isEmpty(), "a void call has no value to show");
        assertEquals(Optional.of(new CellEvaluator.Value(null)), cell("String nothing = null;\nnothing"));
    }

    @Test
    void compileErrorQuotesTheCellLineWithACaret() {
        CellError e = assertThrows(CellError.class, () -> cell("int a = 1;\nint b = a + missing;"));
        assertInstanceOf(CellError.CompilationError.class, e);
        assertEquals("Compilation error at line 2: int b = a + missing;", e.traceback().get(0));
        assertEquals("    int b = a + missing;", e.traceback().get(1));
        assertEquals("                ^-----^", e.traceback().get(2));
    }

    @Test
    void exceptionNamesTheFailingLinesOfThisAndEarlierCells() {
        cell("int ratio(int x) {\n    return 10 / x;\n}");
        CellError e = assertThrows(CellError.class, () -> cell("int ok = 1;\n\nratio(0)"));
        assertEquals(List.of("java.lang.ArithmeticException: / by zero",
                "\tat line 2 of an earlier cell: return 10 / x; in ratio()",
                "\tat line 3: ratio(0)"), e.traceback());
    }

    @Test
    void laterSnippetsDoNotRunAfterAFailure() {
        assertThrows(CellError.class, () -> cell("int before = 1;\nthrow new RuntimeException(\"x\");\nint after = 2;"));
        assertThrows(CellError.class, () -> cell("after"));
    }

    @Test
    void incompleteCodeIsACompilationError() {
        CellError e = assertThrows(CellError.class, () -> cell("for (int i = 0; i < 3; i++) {"));
        assertInstanceOf(CellError.CompilationError.class, e);
    }

    @Test
    void completionDocumentationAndCompleteness() {
        CellEvaluator.Completion c = jshell.complete("int k = 1;\nMath.sq", 18);
        assertEquals(List.of("sqrt("), c.options());
        assertEquals(16, c.start());
        assertTrue(jshell.documentation("Math.abs", 8, false).contains("Math.abs(int"));
        assertEquals("complete", jshell.isComplete("int x = 1;"));
        assertEquals("    ", jshell.isComplete("void f() {"));
        assertEquals("invalid", jshell.isComplete("int x = 3; }"));
    }

    @Test
    void onlyABareDisplayCallHidesItsValue() {
        org.junit.jupiter.api.Assertions.assertTrue(CellEvaluator.isDisplayCall("display(chart)"));
        org.junit.jupiter.api.Assertions.assertTrue(CellEvaluator.isDisplayCall("  display (f(x), \"a)\");\n"));
        org.junit.jupiter.api.Assertions.assertFalse(CellEvaluator.isDisplayCall("display(x).length()"));
        org.junit.jupiter.api.Assertions.assertFalse(CellEvaluator.isDisplayCall("String id = display(x);"));
        org.junit.jupiter.api.Assertions.assertFalse(CellEvaluator.isDisplayCall("displayed(x)"));
    }

    @Test
    void aDeclarationTheCompilerRejectsIsAnErrorNotANote() {
        // 20,000 literals make the initializer too large for one method: javac refuses it, which JShell
        // reports as "recoverable" with nothing to wait for; the kernel used to answer ok with a note.
        String big = "int[] big = {" + "7,".repeat(20_000) + "7};";
        CellError e = assertThrows(CellError.class, () -> cell(big));
        assertInstanceOf(CellError.CompilationError.class, e);
        assertTrue(String.join("\n", e.traceback()).contains("too large"), String.join("\n", e.traceback()));
    }

    @Test
    void anInterruptNamesTheLineTheCellWasOn() throws Exception {
        System.clearProperty("prior.test.spinning");
        jshell.beginCell();
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                jshell.eval("long spins = 0;\nwhile (true) { System.setProperty(\"prior.test.spinning\", \"yes\"); spins++; }",
                        "cell", 1);
                return null;
            } catch (CellError e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.getProperty("prior.test.spinning") == null && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the loop runs
        }
        jshell.interrupt();
        CellError e = result.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of("Interrupted at line 2: while (true) { System.setProperty(\"prior.test.spinning\", \"yes\"); spins++; }"),
                e.traceback());
    }

    @Test
    void redefiningAClassSaysWhichVariablesItReset() {
        cell("class Pt { int x = 1; }");
        cell("Pt p = new Pt();\nPt q = p;\nint keep = 3;");
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            cell("class Pt { int x = 1; int y = 2; }"); // a new shape: JShell replaces the class
        } finally {
            System.setErr(before);
        }
        assertEquals("Note: redefining Pt reset p, q to null (they held objects of the old Pt); run the cells that set them again.",
                err.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
        assertEquals(Optional.of(new CellEvaluator.Value(3)), cell("keep"), "other variables keep their values");
    }
}

package org.priorkit.kernel.jshell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorReportsTest {

    @Test
    void snippetFramesShowTheirSourceLineAndKernelFramesBelowAreDropped() {
        SourceLines helper = new SourceLines("cell", 3, "int half(int x) {\n  return 10 / x;\n}", false);
        SourceLines call = new SourceLines("cell", 5, "half(0)", true);
        StackTraceElement[] trace = {
                new StackTraceElement("", "half", "#7", 2),
                new StackTraceElement("", "", "#9", 1),
                new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
                new StackTraceElement("org.priorkit.kernel.jshell.WorkerExecutionControl", "invoke", "W.java", 57),
        };
        CellError error = ErrorReports.runtime("java.lang.ArithmeticException", "/ by zero", trace, null,
                Map.of("7", helper, "9", call)::get);
        assertEquals("java.lang.ArithmeticException: / by zero", error.getMessage());
        assertEquals(List.of(
                "java.lang.ArithmeticException: / by zero",
                "\tat line 4 of an earlier cell: return 10 / x; in half()",
                "\tat line 5: half(0)"), error.traceback());
    }

    @Test
    void libraryFramesAboveTheSnippetStayAndCausesFollow() {
        StackTraceElement[] trace = {
                new StackTraceElement("ai.djl.ndarray.NDArray", "reshape", "NDArray.java", 10),
                new StackTraceElement("", "", "#2", 1),
        };
        CellError error = ErrorReports.runtime("java.lang.IllegalArgumentException", "bad shape", trace,
                new IllegalStateException("root"), Map.of("2", new SourceLines("cell", 1, "x.reshape(7)", true))::get);
        assertEquals("\tat ai.djl.ndarray.NDArray.reshape(NDArray.java:10)", error.traceback().get(1));
        assertEquals("\tat line 1: x.reshape(7)", error.traceback().get(2));
        assertEquals("Caused by: java.lang.IllegalStateException: root", error.traceback().get(3));
    }

    @Test
    void jshellWrapperNamesAreRemovedFromMessages() {
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null",
                ErrorReports.withoutWrapperNames("Cannot invoke \"String.length()\" because \"REPL.$JShell$14B.s\" is null"));
    }

    @Test
    void sourceLinesSkipLeadingBlankLinesLikeJShellDoes() {
        SourceLines s = new SourceLines("utils.jsh", 10, "\n  \nfoo();\nbar();", true).fromFirstCodeLine();
        assertEquals("utils.jsh line 13: bar();", s.describe(2));
    }
}

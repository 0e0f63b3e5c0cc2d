package org.priorkit.kernel.jshell;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExitGuardTest {

    @Test
    void findsTheLineThatEndsTheJvm() {
        assertEquals(OptionalInt.of(1), ExitGuard.exitCallLine("System.exit(0);"));
        assertEquals(OptionalInt.of(3), ExitGuard.exitCallLine("int a = 1;\n\nif (a > 0) System . exit (a);"));
        assertEquals(OptionalInt.of(1), ExitGuard.exitCallLine("Runtime.getRuntime().halt(1);"));
        assertEquals(OptionalInt.of(2), ExitGuard.exitCallLine("/* a\n */ Runtime.getRuntime().exit(2);"));
    }

    @Test
    void aCallWrittenInAStringOrCommentIsNoCall() {
        assertEquals(OptionalInt.empty(), ExitGuard.exitCallLine("System.out.println(\"System.exit(0)\");"));
        assertEquals(OptionalInt.empty(), ExitGuard.exitCallLine("// System.exit(0);\nint x = 1;"));
        assertEquals(OptionalInt.empty(), ExitGuard.exitCallLine("/* System.exit(0); */ int y = 2;"));
        assertEquals(OptionalInt.empty(), ExitGuard.exitCallLine("int exitCode = 0; mySystem.exitNow();"));
    }

    @Test
    void theErrorNamesTheCellLineAndWhatToDoInstead() {
        CellError e = assertThrows(CellError.class, () -> ExitGuard.check("int a = 1;\nSystem.exit(0);", 4));
        String text = String.join("\n", e.traceback());
        assertTrue(text.contains("line 5:") && text.contains("Kernel > Restart"), text);
    }
}

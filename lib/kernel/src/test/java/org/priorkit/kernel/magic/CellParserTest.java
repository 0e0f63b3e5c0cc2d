package org.priorkit.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellParserTest {

    @Test
    void codeWithoutMagicsIsOnePartStartingAtLineOne() {
        CellParser.Cell cell = CellParser.parse("int x = 1;\nx + 1");
        assertTrue(cell.cellMagic().isEmpty());
        assertEquals(List.of(new CellParser.Code("int x = 1;\nx + 1", 1)), cell.parts());
    }

    @Test
    void lineMagicsSplitCodeAndKeepCellLineNumbers() {
        CellParser.Cell cell = CellParser.parse(
                "%maven org.knowm.xchart:xchart:4.0.3\n\nimport org.knowm.xchart.*;\n  %jars lib/*.jar \"my dir/x.jar\"\nvar c = 1;");
        assertEquals(List.of(
                new CellParser.LineMagic("maven", List.of("org.knowm.xchart:xchart:4.0.3"), 1),
                new CellParser.Code("\nimport org.knowm.xchart.*;", 2),
                new CellParser.LineMagic("jars", List.of("lib/*.jar", "my dir/x.jar"), 4),
                new CellParser.Code("var c = 1;", 5)), cell.parts());
    }

    @Test
    void moduloContinuationWithSpaceIsJavaNotAMagic() {
        CellParser.Cell cell = CellParser.parse("int r = 7\n  % 3;");
        assertEquals(1, cell.parts().size());
        assertInstanceOf(CellParser.Code.class, cell.parts().get(0));
    }

    @Test
    void cellMagicTakesTheRestOfTheCellAsBody() {
        CellParser.Cell cell = CellParser.parse("\n%%shell -x\necho hi\nls\n");
        CellParser.CellMagic magic = cell.cellMagic().orElseThrow();
        assertEquals("shell", magic.name());
        assertEquals(List.of("-x"), magic.args());
        assertEquals("echo hi\nls\n", magic.body());
        assertTrue(cell.parts().isEmpty());
    }

    @Test
    void javaOnlyBlanksMagicsButKeepsOffsets() {
        String cell = "%maven a:b:1\nMath.sq";
        String java = CellParser.javaOnly(cell);
        assertEquals(cell.length(), java.length());
        assertEquals("            \nMath.sq", java);
        assertTrue(CellParser.javaOnly("%%shell\nls").isBlank());
    }

    @Test
    void cellMagicWithoutNameIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> CellParser.parse("%%\nx"));
    }
}

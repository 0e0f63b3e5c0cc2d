package org.priorkit.kernel.magic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** What magics may do to the running notebook. */
public interface MagicContext {

    /** Adds class path entries (jars or class folders) to the compiler and the class loader. */
    void addToClasspath(List<Path> entries);

    /** Runs text as if it were a cell (for {@code %load}); magics in it run too. {@code where} names it in errors. */
    void evalCell(String text, String where) throws Exception;

    /** The notebook's working directory: relative paths in magics resolve against it. */
    Path workingDir();

    /** The cell's standard output. */
    PrintStream out();
}

package org.priorkit.data;

import java.nio.file.Path;

/**
 * A data file is not in the format its loader expects. The message always names the file and, when
 * known, where in it (line, column, field), because the user has to open that file to fix it.
 */
public class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String where;

    /**
     * @param file the offending file (or directory)
     * @param where position inside it, e.g. "line 17, column ViewPosition"; empty or null if none
     * @param problem what is wrong, in words a user can act on
     */
    public DataFormatException(Path file, String where, String problem) {
        this(file, where, problem, null);
    }

    public DataFormatException(Path file, String where, String problem, Throwable cause) {
        super(format(file, where, problem), cause);
        this.file = file;
        this.where = where == null ? "" : where;
    }

    private static String format(Path file, String where, String problem) {
        String at = (where == null || where.isEmpty()) ? "" : ", " + where;
        return file + at + ": " + problem;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** Where in the file ("line 3, column Path"), or empty. */
    public String where() {
        return where;
    }
}

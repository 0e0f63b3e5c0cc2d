package org.priorkit.kernel.jshell;

import java.util.List;

/**
 * A cell failed: an exception in its code, a compile error, or a bad magic. The message names
 * the Java exception ("java.lang.ArithmeticException: / by zero"); the traceback lines are what
 * the notebook shows under the cell. No Java stack of its own: it would only show the kernel.
 */
public class CellError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> traceback;

    public CellError(String message, List<String> traceback) {
        super(message, null, false, false);
        this.traceback = List.copyOf(traceback);
    }

    public List<String> traceback() {
        return traceback;
    }

    /** The code does not compile, or ends in the middle of a statement. */
    public static final class CompilationError extends CellError {
        private static final long serialVersionUID = 1L;

        public CompilationError(String message, List<String> traceback) {
            super(message, traceback);
        }
    }

    /** A magic ({@code %maven}, {@code %load}, ...) failed. */
    public static final class MagicError extends CellError {
        private static final long serialVersionUID = 1L;

        public MagicError(String message, List<String> traceback) {
            super(message, traceback);
        }
    }
}

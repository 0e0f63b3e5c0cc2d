package org.priorkit.testing;

import java.nio.file.Path;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Test files CI makes or fetches and never commits (third-party DICOM files, full-size weight files):
 * a folder under {@code target/}, or the one a system property or environment variable names. Under
 * CI=true a missing folder FAILS the test, so CI can never pass by skipping; on a developer's machine
 * the test is skipped with the command that makes the files.
 */
public final class CiTestFiles {

    private CiTestFiles() {}

    /**
     * @param variable  system property or environment variable naming another folder
     * @param folder    the folder's name under {@code target/} (the module's basedir)
     * @param complete  whether a folder holds what the tests need
     * @param what      what is missing, for the message (e.g. "DICOM test files")
     * @param command   the command that makes the folder
     */
    public static Path root(String variable, String folder, Predicate<Path> complete, String what, String command) {
        String configured = System.getProperty(variable, System.getenv(variable));
        Path root = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("basedir", "."), "target", folder);
        if (complete.test(root)) {
            return root;
        }
        String message = what + " missing in " + root.toAbsolutePath() + ": run `" + command + "` (or set " + variable + ")";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        return abort(message);
    }
}

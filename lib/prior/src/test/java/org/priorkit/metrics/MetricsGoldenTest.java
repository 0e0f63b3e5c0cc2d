package org.priorkit.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Classification metrics against scikit-learn: golden/metrics.json from src/test/python/metrics_golden.py. */
class MetricsGoldenTest {

    private static final double TOL = 1e-12;
    private static JsonObject golden;

    @BeforeAll
    static void load() throws IOException {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                MetricsGoldenTest.class.getResourceAsStream("/golden/metrics.json")), StandardCharsets.UTF_8)) {
            golden = JsonParser.parseReader(in).getAsJsonObject();
        }
    }

    private static double[] doubles(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }

    private static int[] ints(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsInt();
        }
        return v;
    }

    @Test
    void binaryAurocAndRocCurveMatchScikitLearn() {
        for (JsonElement e : golden.getAsJsonArray("binary")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            double[] scores = doubles(c.get("scores"));
            int[] labels = ints(c.get("labels"));
            assertEquals(c.get("auroc").getAsDouble(), Auroc.binary(scores, labels), TOL, name);

            Roc roc = Roc.curve(scores, labels);
            assertArrayEquals(doubles(c.get("fpr")), roc.fpr(), TOL, name + " fpr");
            assertArrayEquals(doubles(c.get("tpr")), roc.tpr(), TOL, name + " tpr");
            double[] expectedThresholds = doubles(c.get("thresholds")); // scikit-learn's without its first
            assertEquals(expectedThresholds.length + 1, roc.thresholds().length, name + " points");
            assertEquals(Double.POSITIVE_INFINITY, roc.thresholds()[0], name);
            for (int i = 0; i < expectedThresholds.length; i++) {
                assertEquals(expectedThresholds[i], roc.thresholds()[i + 1], 0, name + " threshold " + i);
            }
        }
    }

    @Test
    void perClassAndMacroAurocMatchScikitLearn() {
        for (JsonElement e : golden.getAsJsonArray("multilabel")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            JsonArray s = c.getAsJsonArray("scores");
            JsonArray y = c.getAsJsonArray("labels");
            double[][] scores = new double[s.size()][];
            int[][] labels = new int[y.size()][];
            for (int n = 0; n < scores.length; n++) {
                scores[n] = doubles(s.get(n));
                labels[n] = ints(y.get(n));
            }
            double[] perClass = Auroc.perClass(scores, labels);
            assertArrayEquals(doubles(c.get("perClass")), perClass, TOL, name);
            assertEquals(c.get("macro").getAsDouble(), Auroc.macro(perClass), TOL, name + " macro");
        }
    }

    @Test
    void multiclassMetricsMatchScikitLearn() {
        for (JsonElement e : golden.getAsJsonArray("multiclass")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            int classes = c.get("classes").getAsInt();
            int[] predicted = ints(c.get("predicted"));
            int[] truth = ints(c.get("truth"));
            assertEquals(c.get("accuracy").getAsDouble(), Classification.accuracy(predicted, truth), TOL, name);

            long[][] m = ConfusionMatrix.of(predicted, truth, classes);
            JsonArray expected = c.getAsJsonArray("confusion");
            assertEquals(classes, m.length, name);
            for (int t = 0; t < classes; t++) {
                int[] row = ints(expected.get(t));
                for (int p = 0; p < classes; p++) {
                    assertEquals(row[p], m[t][p], name + " confusion[" + t + "][" + p + "]");
                }
            }

            Prf prf = PrecisionRecallF1.macro(predicted, truth, classes);
            assertEquals(c.get("precision").getAsDouble(), prf.precision(), TOL, name + " precision");
            assertEquals(c.get("recall").getAsDouble(), prf.recall(), TOL, name + " recall");
            assertEquals(c.get("f1").getAsDouble(), prf.f1(), TOL, name + " f1");
            assertEquals(c.get("kappa").getAsDouble(), CohensKappa.of(predicted, truth, classes), TOL,
                    name + " kappa");
        }
    }
}

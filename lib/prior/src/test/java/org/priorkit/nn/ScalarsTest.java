package org.priorkit.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ScalarsTest {

    /**
     * A garbage collection between forward and backward, then fresh direct buffers full of NaN that
     * may land where a freed one was: the gradient through {@code Scalars.tensor} is still exact.
     * (With {@code x.mul(3f)} instead, DJL 0.36 gives NaN or garbage here, every time on this machine.)
     */
    @Test
    void gradientThroughATensorConstantSurvivesAGarbageCollection() throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int trial = 0; trial < 5; trial++) {
                NDArray x = m.ones(new Shape(4));
                x.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray y = x.mul(Scalars.tensor(x, 3)).div(Scalars.tensor(x, 2)).sum(); // () 1.5 * sum(x)
                    churnDirectMemory();
                    collector.backward(y);
                }
                assertArrayEquals(new float[] {1.5f, 1.5f, 1.5f, 1.5f}, x.getGradient().toFloatArray(), "trial " + trial);
            }
        }
    }

    @Test
    void tensorKeepsTheTypeAndDeviceOfItsModel() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray f64 = m.zeros(new Shape(2), DataType.FLOAT64);
            NDArray c = Scalars.tensor(f64, 0.1);
            assertEquals(DataType.FLOAT64, c.getDataType());
            assertEquals(0.1, c.getDouble(), 0); // full double precision, not a float rounded back
            assertEquals(0, c.getShape().dimension());
            assertEquals(DataType.FLOAT32, f64.toType(DataType.FLOAT32, false).mul(Scalars.tensor(c.toType(DataType.FLOAT32, false), 2)).getDataType());
        }
    }

    /**
     * No Java number as the operand of an op whose operand autograd saves, anywhere in the library:
     * the bug above is silent, so the rule is checked on the sources.
     */
    @Test
    void libraryNeverPassesANumberToAnOpAutogradSaves() throws IOException {
        Pattern numberOperand = Pattern.compile(
                "(?<!Math)\\.(mul|div|pow|maximum|minimum)\\(\\s*(Scalars\\.like|\\((float|double|int|long)\\)|-?[0-9.]+[fFdD]?\\s*[),*/+-]|Math\\.)");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("*") || line.startsWith("//")) {
                        continue; // documentation
                    }
                    Matcher mt = numberOperand.matcher(line);
                    if (mt.find()) {
                        offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), "use Scalars.tensor for these operands:\n" + String.join("\n", offenders));
    }

    private static void churnDirectMemory() throws InterruptedException {
        System.gc();
        Thread.sleep(10);
        System.gc();
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, Float.NaN);
            junk.add(b);
        }
        assertEquals(20_000, junk.size());
    }
}

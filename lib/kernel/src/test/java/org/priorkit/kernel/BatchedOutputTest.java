package org.priorkit.kernel;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchedOutputTest {

    /** Jupyter's stream as the kernel sees it: every flush is one message. */
    private static final class Messages extends OutputStream {
        final List<String> sent = new ArrayList<>();
        private final ByteArrayOutputStream open = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            open.write(b);
        }

        @Override
        public void flush() {
            if (open.size() > 0) {
                sent.add(open.toString(StandardCharsets.UTF_8));
                open.reset();
            }
        }
    }

    @Test
    void manyLinesGoOutInFewMessagesCompleteAndInOrder() {
        Messages jupyter = new Messages();
        BatchedOutput batched = new BatchedOutput(new PrintStream(jupyter, true, StandardCharsets.UTF_8));
        PrintStream cell = new PrintStream(batched, false, StandardCharsets.UTF_8);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            cell.println("line " + i);
            expected.append("line ").append(i).append('\n');
        }
        assertTrue(jupyter.sent.size() <= expected.length() / BatchedOutput.MAX_BYTES + 1,
                jupyter.sent.size() + " messages"); // a line each would be 50,000
        cell.flush(); // the cell's end: the rest goes out
        assertEquals(expected.toString(), String.join("", jupyter.sent));
    }

    @Test
    void aBatchNeverEndsInsideAUtf8Character() {
        Messages jupyter = new Messages();
        BatchedOutput batched = new BatchedOutput(new PrintStream(jupyter, true, StandardCharsets.UTF_8));
        byte[] e = "é€".getBytes(StandardCharsets.UTF_8); // 2 + 3 bytes
        batched.write(e, 0, 1);         // half of é
        batched.send();                 // the timer fires here
        assertEquals(List.of(), jupyter.sent, "nothing complete to send yet");
        batched.write(e, 1, 3);         // the rest of é and the first byte of €
        batched.send();
        batched.write(e, 4, 1);
        batched.send();
        assertEquals(List.of("é", "€"), jupyter.sent);
        assertEquals(0, BatchedOutput.completeUtf8(new byte[] {(byte) 0xE2, (byte) 0x82}, 2));
        assertEquals(3, BatchedOutput.completeUtf8(new byte[] {'a', (byte) 0xC3, (byte) 0xA9}, 3));
    }

    @Test
    void aroundRoutesSystemOutThroughBatchesAndRestoresIt() {
        PrintStream before = System.out;
        Messages jupyter = new Messages();
        PrintStream jupyterOut = new PrintStream(jupyter, true, StandardCharsets.UTF_8);
        System.setOut(jupyterOut);
        try {
            int answer = BatchedOutput.around(() -> {
                for (int i = 0; i < 1000; i++) {
                    System.out.println(i);
                }
                Thread worker = new Thread(() -> System.out.println("from a thread the cell started"));
                worker.start();
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return 42;
            });
            assertEquals(42, answer);
            assertEquals(jupyterOut, System.out, "restored after the cell");
            String all = String.join("", jupyter.sent);
            assertEquals(1001, all.lines().count());
            assertTrue(all.endsWith("999\nfrom a thread the cell started\n"), all.substring(all.length() - 40));
            assertTrue(jupyter.sent.size() < 1000, jupyter.sent.size() + " messages");
        } finally {
            System.setOut(before);
        }
    }
}

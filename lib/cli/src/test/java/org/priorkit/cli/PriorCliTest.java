package org.priorkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class PriorCliTest {

    private static String captureOut(Runnable r) {
        return capture(false, r);
    }

    private static String captureErr(Runnable r) {
        return capture(true, r);
    }

    /** What {@code r} prints on stderr ({@code err}) or stdout. */
    private static String capture(boolean err, Runnable r) {
        PrintStream old = err ? System.err : System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream to = new PrintStream(buf, true, StandardCharsets.UTF_8);
        if (err) {
            System.setErr(to);
        } else {
            System.setOut(to);
        }
        try {
            r.run();
        } finally {
            if (err) {
                System.setErr(old);
            } else {
                System.setOut(old);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void infoRunsOnTheCpu() {
        int[] code = new int[1];
        String out = captureOut(() -> code[0] = PriorCli.execute("info", "--device", "cpu"));
        assertEquals(0, code[0], out);
        assertTrue(out.contains("expected 83.0") && out.contains("= 83.0"), out);
    }

    @Test
    void badDeviceIsAnErrorNotACrash() {
        assertNotEquals(0, PriorCli.execute("info", "--device", "tpu"));
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, PriorCli.execute());
    }

    @Test
    void everyCommandHasCleanHelp() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            for (String cmd : new String[] {"info", "generate", "pretrain", "bench", "run-all", "classify", "zeroshot",
                    "retrieve", "segment", "detect"}) {
                int[] code = new int[1];
                String out = captureOut(() -> code[0] = PriorCli.execute(cmd, "--help"));
                assertEquals(0, code[0], cmd);
                assertTrue(out.startsWith("Usage: kit " + cmd), out);
            }
        } finally {
            System.setErr(oldErr);
        }
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("WARN"), err.toString(StandardCharsets.UTF_8));
    }

    /** The top-level help lists each command by the first line of its description: it must be a whole sentence. */
    @Test
    void commandListShowsWholeSentences() {
        String out = captureOut(() -> PriorCli.execute("--help"));
        String list = out.substring(out.indexOf("Commands:"));
        String[] entries = list.split("\\n(?=  \\S)");
        assertTrue(entries.length > 10, list);
        for (String entry : entries) {
            String text = entry.strip();
            if (text.startsWith("Commands:") || text.startsWith("help")) {
                continue;
            }
            assertTrue(text.endsWith("."), "cut mid-sentence in kit --help: " + text);
        }
    }

    /** A user's mistake is one clear line and exit code 2; --verbose adds the stack trace. */
    @Test
    void aBadValueIsOneLineNamingTheValidOnes(@TempDir Path data) {
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = PriorCli.execute("classify", "--dataset", "foo", "--device", "cpu"));
        assertEquals(2, code[0], err);
        assertTrue(err.contains("kit classify: --dataset foo: not one of chexpert, rsna"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);

        err = captureErr(() -> code[0] = PriorCli.execute("zeroshot", "--data", data.toString(),
                "--checkpoint", "/no/such/run", "--device", "cpu"));
        assertEquals(2, code[0], err);
        assertTrue(err.contains("/no/such/run") && !err.contains("\tat "), err);

        err = captureErr(() -> code[0] = PriorCli.execute("classify", "--mode", "fine_tuned", "--device", "cpu", "--verbose"));
        assertEquals(2, code[0], err);
        assertTrue(err.contains("linear-probe, fine-tune") && err.contains("\tat "), "--verbose shows where: " + err);
    }

    /** The task commands take pretrain's --max-bad; a share outside 0..100% or not a number is a user's mistake. */
    @Test
    void aBadMaxBadIsOneLineNamingTheOption() {
        int[] code = new int[1];
        for (String cmd : new String[] {"classify", "zeroshot", "retrieve", "segment", "detect"}) {
            String err = captureErr(() -> code[0] = PriorCli.execute(cmd, "--max-bad", "150%", "--device", "cpu"));
            assertEquals(2, code[0], err);
            assertEquals("kit " + cmd + ": --max-bad must be between 0 and 1 (0% and 100%), got 1.5", err.strip());
        }
        String err = captureErr(() -> code[0] = PriorCli.execute("detect", "--max-bad", "abc", "--device", "cpu"));
        assertEquals(2, code[0], err);
        assertEquals("kit detect: --max-bad abc: not a share like 1% or 0.01", err.strip());
    }

    /** Published-weight options: a missing file or folder, or a batch too small for InfoNCE, is one line. */
    @Test
    void publishedWeightMistakesAreOneLine(@TempDir Path data) {
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = PriorCli.execute("pretrain", "--data", data.toString(),
                "--image-weights", "/no/resnet50.pth", "--device", "cpu"));
        assertEquals(2, code[0], err);
        assertEquals("kit pretrain: --image-weights /no/resnet50.pth: no such file", err.strip());
        err = captureErr(() -> code[0] = PriorCli.execute("pretrain", "--data", data.toString(),
                "--text-weights", "/no/Bio_ClinicalBERT", "--device", "cpu"));
        assertEquals(2, code[0], err);
        assertEquals("kit pretrain: --text-weights /no/Bio_ClinicalBERT: no such folder (a Hugging Face BERT folder)",
                err.strip());
        err = captureErr(() -> code[0] = PriorCli.execute("pretrain", "--data", data.toString(), "--batch-size", "1",
                "--device", "cpu"));
        assertEquals(2, code[0], err);
        assertEquals("kit pretrain: --batch-size 1: the global InfoNCE needs at least 2 pairs", err.strip());
    }
}

package org.priorkit.kernel.display;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayTest {

    /** What the kernel would send, as text. */
    private static final class Recorder implements Display.Sink {
        final List<String> sent = new ArrayList<>();

        @Override
        public void show(Map<String, Object> bundle, String displayId) {
            sent.add("show " + displayId + " " + bundle.keySet() + " " + bundle.get(MimeBundles.PLAIN));
        }

        @Override
        public void update(String displayId, Map<String, Object> bundle) {
            sent.add("update " + displayId + " " + bundle.get(MimeBundles.PLAIN));
        }

        @Override
        public void clear(boolean wait) {
            sent.add("clear " + wait);
        }
    }

    @AfterEach
    void textAgain() {
        Display.setSink(new Recorder());
    }

    @Test
    void displayReturnsTheIdThatUpdateDisplayReplaces() {
        Recorder jupyter = new Recorder();
        Display.setSink(jupyter);
        String id = Display.display("step 1");
        String other = Display.display("another");
        Display.updateDisplay(id, "step 2");
        Display.clearOutput(true);
        assertNotEquals(id, other);
        assertEquals(List.of("show " + id + " [text/plain] step 1", "show " + other + " [text/plain] another",
                "update " + id + " step 2", "clear true"), jupyter.sent);
    }

    @Test
    void renderGivesTheBundleAndCanKeepSomeTypesOnly() {
        Display.Rendered table = Display.render(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));
        assertTrue(table.bundle().containsKey(MimeBundles.PNG));
        assertEquals(List.of(MimeBundles.PLAIN), List.copyOf(Display.render(table, MimeBundles.PLAIN).bundle().keySet()));
        assertSame(table.bundle(), MimeBundles.of(table), "a rendered value is shown as it is");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Display.render("text", MimeBundles.HTML));
        assertEquals("this value renders as [text/plain], not text/html", e.getMessage());
    }
}

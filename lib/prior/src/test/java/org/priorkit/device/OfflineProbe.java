package org.priorkit.device;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run in a fresh JVM by {@link OfflineEngineTest}: refuses every http/https/ftp URL the process
 * opens, then loads the PyTorch engine and multiplies two matrices. Prints "REFUSED url" for each
 * attempt and "RESULT x" at the end.
 */
public final class OfflineProbe {

    public static void main(String[] args) throws Exception {
        List<String> refused = new CopyOnWriteArrayList<>();
        URL.setURLStreamHandlerFactory(protocol -> {
            if (!List.of("http", "https", "ftp").contains(protocol)) {
                return null; // file:, jar: ... keep the JDK's handlers
            }
            return new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) throws IOException {
                    refused.add(u.toString());
                    System.out.println("REFUSED " + u);
                    throw new IOException("network refused by OfflineProbe: " + u);
                }
            };
        });
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            float x = a.matMul(a).sum().getFloat();
            System.out.println("ENGINE " + engine.getEngineName() + " " + engine.getVersion());
            System.out.println("RESULT " + x);
        }
        System.exit(refused.isEmpty() ? 0 : 3);
    }
}

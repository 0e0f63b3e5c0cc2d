package org.priorkit.kernel.jshell;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the notebook's classes: JShell's compiled snippets (from bytes) and the notebook class
 * path (the PRIOR library and its dependencies, plus whatever {@code %jars}/{@code %maven} add).
 * Its parent holds the kernel, so snippets see {@code Display}, and nothing else of the kernel
 * gets in the way because the kernel's own libraries are relocated.
 */
final class NotebookClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> snippetClasses = new ConcurrentHashMap<>();

    NotebookClassLoader(ClassLoader parent) {
        super("notebook", new URL[0], parent);
    }

    void declare(String binaryName, byte[] bytecode) {
        snippetClasses.put(binaryName, bytecode);
    }

    /** Adds entries of a path list ({@code a.jar:b/classes}). */
    void addPath(String pathList) {
        for (String entry : pathList.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    addURL(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("not a class path entry: " + entry, e);
                }
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytecode = snippetClasses.get(name);
        return bytecode != null ? defineClass(name, bytecode, 0, bytecode.length) : super.findClass(name);
    }
}

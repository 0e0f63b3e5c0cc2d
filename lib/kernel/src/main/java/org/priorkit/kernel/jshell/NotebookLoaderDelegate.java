package org.priorkit.kernel.jshell;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

/** Gives JShell's compiled snippet classes to the {@link NotebookClassLoader}. */
final class NotebookLoaderDelegate implements LoaderDelegate {

    private final NotebookClassLoader loader;

    NotebookLoaderDelegate(NotebookClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
        boolean[] installed = new boolean[classes.length];
        for (int i = 0; i < classes.length; i++) {
            try {
                // Loading now reports bad bytecode here rather than at first use.
                Class.forName(classes[i].name(), false, loader).getDeclaredMethods();
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("could not load snippet class " + classes[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) {
        loader.addPath(path);
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }
}

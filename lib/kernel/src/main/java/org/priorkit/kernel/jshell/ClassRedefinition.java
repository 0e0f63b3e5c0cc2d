package org.priorkit.kernel.jshell;

import java.lang.instrument.Instrumentation;

/**
 * Holds the JVM's {@link Instrumentation}, which the kernel jar receives as its own agent
 * ({@code Launcher-Agent-Class} in the manifest, so plain {@code java -jar} is enough).
 *
 * <p>Why: JShell recompiles an existing snippet when a later one could change what its names
 * mean (a new {@code import ...*}, a redefined method it calls) and asks the engine to redefine
 * the snippet's class. Without redefinition JShell loads a fresh class instead, and variables of
 * that snippet silently become null. With it, fields keep their values, as in the jshell tool.
 */
public final class ClassRedefinition {

    private static volatile Instrumentation instrumentation;

    private ClassRedefinition() {}

    /** Agent entry for {@code java -jar prior-kernel.jar}. */
    public static void agentmain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** Agent entry for {@code -javaagent:prior-kernel.jar} (e.g. when run from a class path). */
    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** The instrumentation if the JVM allows redefining classes, else null. */
    static Instrumentation get() {
        Instrumentation inst = instrumentation;
        return inst != null && inst.isRedefineClassesSupported() ? inst : null;
    }
}

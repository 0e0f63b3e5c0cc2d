package org.priorkit.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the Jupyter process that started it is gone (JPY_PARENT_PID), so a
 * crashed or killed notebook server does not leave JVMs holding gigabytes behind.
 */
final class ParentWatch {

    private ParentWatch() {}

    static void exitWith(String parentPid) {
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(parentPid.trim());
        } catch (NumberFormatException e) {
            return; // on Windows it is a handle, not a pid
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            exit(pid);
        }
        parent.get().onExit().thenRun(() -> exit(pid));
    }

    private static void exit(long pid) {
        System.err.println("prior-kernel: parent process " + pid + " is gone, exiting");
        Runtime.getRuntime().halt(0); // no shutdown hooks: nobody is left to wait for, and one could hang
    }
}

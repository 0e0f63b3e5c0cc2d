package org.priorkit.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

import java.nio.charset.Charset;

/** The base library's Jupyter streams, with the attach/detach calls its handlers use opened to the kernel's own. */
final class KitJupyterIO extends JupyterIO {

    KitJupyterIO(Charset charset) {
        super(charset);
    }

    /** Streams and displays go to the request being executed. */
    void attach(ShellReplyEnvironment env, boolean stdin) {
        setEnv(env);
        setJupyterInEnabled(stdin);
    }

    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}

package org.priorkit.kernel.install;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code install [--user | --prefix DIR | --sys-prefix] [--java PATH] [--name NAME]
 * [--display-name TEXT] [--no-archive]}.
 *
 * @param prefix  null for {@code --user}; else the prefix whose share/jupyter/kernels receives the spec
 * @param sysPrefix true for {@code --sys-prefix} (prefix is then looked up from Jupyter's Python)
 * @param java    the java executable or JDK home to run the kernel with; null: the running JVM's
 * @param archive write a class-data archive of a kernel start (a warm-up run) for faster starts
 */
public record InstallOptions(Path prefix, boolean sysPrefix, Path java, String name, String displayName,
                             boolean archive) {

    public static final String DEFAULT_NAME = "prior-java";
    public static final String DEFAULT_DISPLAY_NAME = "Java (PRIOR kit)";

    public static final String USAGE = """
            usage: java -jar prior-kernel.jar install [--user | --prefix DIR | --sys-prefix]
                                                      [--java PATH] [--name NAME] [--display-name TEXT]
              --user          into the user's Jupyter data dir (default)
              --prefix DIR    into DIR/share/jupyter/kernels (then JUPYTER_PATH=DIR/share/jupyter)
              --sys-prefix    into the prefix of the Python that runs 'jupyter' (a virtualenv, conda env)
              --java PATH     java executable or JDK home to run the kernel (default: this JVM)
              --name NAME     kernelspec name notebooks refer to (default: prior-java)
              --display-name  name shown in Jupyter (default: Java (PRIOR kit))
              --no-archive    skip the warm-up run that writes a class-data archive (starts ~0.2 s slower)""";

    public InstallOptions {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name '" + name + "': use letters, digits, '.', '_' or '-'");
        }
        if (prefix != null && sysPrefix) {
            throw new IllegalArgumentException("--prefix and --sys-prefix exclude each other");
        }
    }

    public static InstallOptions parse(List<String> args) {
        Path prefix = null;
        boolean sysPrefix = false;
        boolean user = false;
        Path java = null;
        String name = DEFAULT_NAME;
        String displayName = DEFAULT_DISPLAY_NAME;
        boolean archive = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--user" -> user = true;
                case "--sys-prefix" -> sysPrefix = true;
                case "--prefix" -> prefix = Path.of(value(args, ++i, a));
                case "--java" -> java = Path.of(value(args, ++i, a));
                case "--name" -> name = value(args, ++i, a);
                case "--display-name" -> displayName = value(args, ++i, a);
                case "--no-archive" -> archive = false;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        if (user && (prefix != null || sysPrefix)) {
            throw new IllegalArgumentException("--user excludes --prefix and --sys-prefix");
        }
        return new InstallOptions(prefix, sysPrefix, java, name, displayName, archive);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }
}

package org.priorkit.tasks.dense;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finding a data set's folder from a data root (the synthetic tree's root or the set's own folder). */
public final class DenseData {

    private DenseData() {}

    /**
     * {@code root} itself when it holds {@code marker} (e.g. train-rle.csv), else {@code root/sub}
     * (e.g. the synthetic tree's siim/). Errors later name the path that was tried.
     */
    public static Path folder(Path root, String sub, String marker) {
        if (Files.exists(root.resolve(marker)) || !Files.exists(root.resolve(sub).resolve(marker))) {
            return root;
        }
        return root.resolve(sub);
    }
}

package org.priorkit.tasks.retrieval;

import ai.djl.ndarray.NDManager;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.chexpert.ChexpertClasses;
import org.priorkit.data.chexpert.FiveBy200Entry;
import org.priorkit.device.Devices;
import org.priorkit.metrics.Retrieval;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.tasks.FeatureExtractor;
import org.priorkit.tasks.TaskData;
import org.priorkit.tasks.TextEmbedder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Image-to-text retrieval: every 5x200 image ranks the candidate reports ({@link ReportPool}) by the
 * cosine of its global feature and the report's global feature (text encoder, SPB prototypes when
 * the model was trained with them, report pooling); Precision@K counts reports of the image's class
 * among the top K. The reverse direction (each report ranks the images) is measured too.
 */
public final class ImageTextRetrieval {

    private ImageTextRetrieval() {}

    /** The entry the scripts call: checkpoint (run folder or .ckpt) or null for random init. */
    public static RetrievalResult run(Path dataRoot, Path checkpoint, RetrievalConfig config) throws IOException {
        return run(new TaskData(dataRoot), checkpoint, config);
    }

    /** The entry {@code kit retrieve} calls: as above, on {@code data} with its share of unreadable records. */
    public static RetrievalResult run(TaskData data, Path checkpoint, RetrievalConfig config) throws IOException {
        long t0 = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager(Devices.current())) {
            TaskModel model = TaskModel.open(checkpoint, data.root(), PriorConfig.preset(config.preset()), manager);
            List<PoolReport> pool = ReportPool.fromMimic(data.mimicPairs(), config.splits());
            return run(model, data.fiveBy200(), pool, config, manager, t0);
        }
    }

    /** Retrieval between the given query images and candidate reports with a loaded model. */
    public static RetrievalResult run(TaskModel model, List<FiveBy200Entry> queries, List<PoolReport> pool,
                                      RetrievalConfig config, NDManager manager) {
        return run(model, queries, pool, config, manager, System.nanoTime());
    }

    private static RetrievalResult run(TaskModel tm, List<FiveBy200Entry> queries, List<PoolReport> pool,
                                       RetrievalConfig config, NDManager manager, long t0) {
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no query images");
        }
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("no candidate reports: no MIMIC report of splits " + config.splits()
                    + " has exactly one of the 5 competition labels positive");
        }
        float[][] images = FeatureExtractor.global(tm.model(), queries.stream().map(FiveBy200Entry::image).toList(),
                config.batchSize(), manager);
        float[][] reports = TextEmbedder.reports(tm, pool.stream().map(PoolReport::sentences).toList(),
                config.batchSize(), manager);
        double[][] scores = cosine(images, reports); // (N, M)
        int[] queryClass = queries.stream().mapToInt(FiveBy200Entry::classIndex).toArray();
        int[] reportClass = pool.stream().mapToInt(PoolReport::classIndex).toArray();
        return new RetrievalResult(tm.source(), queries.size(), pool.size(), perClass(reportClass),
                precision(scores, queryClass, reportClass, config.ks()),
                precision(transpose(scores), reportClass, queryClass, config.ks()),
                examples(queries, pool, scores, config), (System.nanoTime() - t0) / 1e9);
    }

    /** K -> P@K, NaN for a K larger than the candidates. */
    static Map<Integer, Double> precision(double[][] scores, int[] queryClass, int[] candidateClass, List<Integer> ks) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int k : ks) {
            out.put(k, k > candidateClass.length ? Double.NaN
                    : Retrieval.precisionAtK(scores, queryClass, candidateClass, k));
        }
        return out;
    }

    /** Cosine similarity of every row of {@code a} (N, D) with every row of {@code b} (M, D). */
    public static double[][] cosine(float[][] a, float[][] b) {
        double[][] an = normalised(a);
        double[][] bn = normalised(b);
        double[][] out = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = 0;
                for (int k = 0; k < an[i].length; k++) {
                    s += an[i][k] * bn[j][k];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    private static double[][] normalised(float[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double n = 0;
            for (float v : x[i]) {
                n += (double) v * v;
            }
            n = Math.max(Math.sqrt(n), 1e-12);
            out[i] = new double[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                out[i][k] = x[i][k] / n;
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] x) {
        double[][] t = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }

    private static int[] perClass(int[] classes) {
        int[] out = new int[ChexpertClasses.COMPETITION.size()];
        for (int c : classes) {
            out[c]++;
        }
        return out;
    }

    /** The first query of each class in turn (up to {@code config.examples()}), with its top hits. */
    static List<RetrievalResult.Example> examples(List<FiveBy200Entry> queries, List<PoolReport> pool,
                                                  double[][] scores, RetrievalConfig config) {
        List<Integer> picked = new ArrayList<>();
        for (int c = 0; c < ChexpertClasses.COMPETITION.size() && picked.size() < config.examples(); c++) {
            for (int q = 0; q < queries.size(); q++) {
                if (queries.get(q).classIndex() == c) {
                    picked.add(q);
                    break;
                }
            }
        }
        List<RetrievalResult.Example> out = new ArrayList<>();
        for (int q : picked) {
            double[] row = scores[q];
            List<RetrievalResult.Hit> hits = IntStream.range(0, row.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -row[j]).thenComparing(j -> j))
                    .limit(config.topK())
                    .map(j -> new RetrievalResult.Hit(pool.get(j).id(),
                            ChexpertClasses.COMPETITION.get(pool.get(j).classIndex()), row[j], pool.get(j).sentences()))
                    .toList();
            out.add(new RetrievalResult.Example(queries.get(q).imagePath(), queries.get(q).className(), hits));
        }
        return out;
    }
}

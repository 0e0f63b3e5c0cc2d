package org.priorkit.pretrain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.priorkit.align.GlobalAlignmentLoss;
import org.priorkit.config.LossTerm;
import org.priorkit.config.StageConfig;
import org.priorkit.nn.Scalars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PRIOR's objective with the batch split over several devices (the paper trains on several GPUs).
 *
 * <p>Each device runs the forward pass on its shard with {@link BroadcastParameterStore} copies of
 * the weights and computes the per-sample terms, averaged over shards by shard size. The global
 * InfoNCE is different: its negatives are the rest of the BATCH, so every device's image and report
 * features are gathered on the first device (differentiably) and the loss is taken once over all
 * of them; splitting it per device would silently shrink the negatives to one shard. (The stage-3
 * report-prediction term keeps its negatives within a shard.) The first device must hold the model
 * and the batch; B samples go to min(B, devices) shards of near-equal size.
 */
final class DataParallelObjective implements Objective<PretrainBatch> {

    private final PriorObjective single;
    private final List<Device> devices;
    private final boolean copyOnOwnDevice;

    public DataParallelObjective(PriorObjective single, List<Device> devices) {
        this(single, devices, false);
    }

    /** As above; {@code copyOnOwnDevice} makes even shards on the model's device use weight copies (tests). */
    public DataParallelObjective(PriorObjective single, List<Device> devices, boolean copyOnOwnDevice) {
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("data parallel needs at least one device");
        }
        this.single = single;
        this.devices = List.copyOf(devices);
        this.copyOnOwnDevice = copyOnOwnDevice;
    }

    @Override
    public Block block() {
        return single.block();
    }

    @Override
    public Map<LossTerm, NDArray> losses(ParameterStore ps, PretrainBatch batch, StageConfig stage, boolean training) {
        NDArray images = batch.images(); // (B, 1, H, W)
        Device main = images.getDevice();
        if (!main.equals(devices.get(0))) {
            throw new IllegalArgumentException("the batch is on " + main + " but the first data-parallel device is "
                    + devices.get(0) + " (it must hold the model and the batch)");
        }
        long b = images.getShape().get(0);
        int shards = (int) Math.min(devices.size(), b);
        NDManager stepManager = images.getManager(); // closes with the batch, after backward
        List<NDArray> imageGlobals = new ArrayList<>();
        List<NDArray> reports = new ArrayList<>();
        Map<LossTerm, NDArray> perSample = new LinkedHashMap<>();
        NDArray scale = null;
        long from = 0;
        for (int i = 0; i < shards; i++) {
            long n = b / shards + (i < b % shards ? 1 : 0);
            Device device = devices.get(i);
            NDManager shardManager = stepManager.newSubManager(device);
            PretrainBatch shard = batch.slice(from, from + n, device, shardManager); // (n, ...)
            PriorObjective.Pass pass = single.pass(new BroadcastParameterStore(shardManager, copyOnOwnDevice), shard,
                    stage, training);
            float share = (float) n / b; // every per-sample term is a mean over its shard
            for (Map.Entry<LossTerm, NDArray> t : pass.terms().entrySet()) {
                NDArray onMain = t.getValue().toDevice(main, false); // ()
                NDArray weighted = onMain.mul(Scalars.tensor(onMain, share)); // the weight on main too, not the shard's device
                perSample.merge(t.getKey(), weighted, NDArray::add);
            }
            imageGlobals.add(pass.imageGlobal().toDevice(main, false)); // (n, D) gathered on the first device
            reports.add(pass.report().toDevice(main, false)); // (n, D)
            if (i == 0) {
                scale = pass.globalScale();
            }
            from += n;
        }
        Map<LossTerm, NDArray> terms = new LinkedHashMap<>();
        if (stage.weighs(LossTerm.GLOBAL)) {
            NDArray image = NDArrays.concat(new NDList(imageGlobals)); // (B, D)
            NDArray report = NDArrays.concat(new NDList(reports)); // (B, D)
            terms.put(LossTerm.GLOBAL, new GlobalAlignmentLoss().compute(image, report, scale));
        }
        terms.putAll(perSample);
        return terms;
    }
}

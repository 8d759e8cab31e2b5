package org.activationlab.tf;

import java.util.logging.Logger;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/** Resolves a requested {@link Device} to one TensorFlow can use here. */
public final class Devices {

    private static final Logger LOG = Logger.getLogger(Devices.class.getName());
    private static Boolean gpuAvailable;
    private static boolean warnedNoGpu;

    private Devices() {
    }

    /** Whether TensorFlow can place an op on {@code /device:GPU:0} (probed once, without soft placement). */
    public static synchronized boolean gpuAvailable() {
        if (gpuAvailable == null) {
            try (Graph g = new Graph()) {
                Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU)
                        .deviceIndex(0).build());
                var probe = tf.withName("gpu_probe").math.add(tf.constant(1f), tf.constant(1f));
                ConfigProto config = ConfigProto.newBuilder().setAllowSoftPlacement(false).build();
                try (Session s = SessionConfigs.open(g, config); var r = s.runner().fetch(probe).run()) {
                    gpuAvailable = true;
                }
            } catch (RuntimeException e) {
                gpuAvailable = false;
            }
        }
        return gpuAvailable;
    }

    /**
     * One line naming the devices TensorFlow found, for logs, e.g.
     * {@code TensorFlow 2.18.0 devices: CPU:0; no GPU (CPU-only native build, or no CUDA 12 / cuDNN 9 GPU visible)}.
     */
    public static String describe() {
        return "TensorFlow " + TensorFlow.version() + " devices: CPU:0" + (gpuAvailable() ? ", GPU:0"
                : "; no GPU (CPU-only native build, or the -Pgpu build without a CUDA 12 / cuDNN 9 GPU visible)");
    }

    /**
     * The device to use for a request: a GPU request without a GPU degrades to the CPU, with one warning per
     * process however many models ask.
     */
    public static synchronized Device resolve(Device requested) {
        return switch (requested) {
            case CPU -> Device.CPU;
            case AUTO -> gpuAvailable() ? Device.GPU : Device.CPU;
            case GPU -> {
                if (gpuAvailable()) {
                    yield Device.GPU;
                }
                if (!warnedNoGpu) {
                    warnedNoGpu = true;
                    LOG.warning("a GPU was requested but TensorFlow " + TensorFlow.version() + " sees none; running on"
                            + " the CPU. A GPU needs the -Pgpu build, CUDA 12 and cuDNN 9 (see README)");
                }
                yield Device.CPU;
            }
        };
    }
}

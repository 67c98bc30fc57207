package dev.edgeforge.training.compress;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * PyTorch's autograd switch is per thread and on by default; DJL turns it off only on the thread that loads the
 * engine, and a gradient collector restores what it found. The compression stages change weights in place between
 * training steps (magnitude pruning's masks), which PyTorch refuses on parameters while autograd is on. A job
 * worker's thread is rarely the one that loaded the engine, so the compress job turns autograd off for its own run,
 * exactly as DJL does on its loading thread, and restores the thread's setting afterwards.
 */
final class TorchGradMode {

    private TorchGradMode() {}

    static <T> T withoutAutograd(Supplier<T> work) {
        Engine.getEngine("PyTorch"); // loads the native library before the first call into it
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}

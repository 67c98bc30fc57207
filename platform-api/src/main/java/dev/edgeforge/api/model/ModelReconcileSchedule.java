package dev.edgeforge.api.model;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link ModelJobReconciler} every {@link #INTERVAL} on one daemon thread while the server runs, whether the
 * workers run in-process or elsewhere. A failed pass (database briefly away) is logged and the next one tries again.
 */
class ModelReconcileSchedule implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ModelReconcileSchedule.class);

    private final ModelJobReconciler reconciler;
    private ScheduledExecutorService executor;

    ModelReconcileSchedule(ModelJobReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "model-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pass, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            reconciler.reconcileAll();
        } catch (RuntimeException e) {
            log.warn("Bringing models up to date with their jobs failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

package dev.edgeforge.api.job;

import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobLogLine;
import dev.edgeforge.infra.job.JobQueue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams a job's log lines as Server-Sent Events: every new line is an event {@code log} whose id is the line's
 * sequence number (so a reconnecting browser resumes with {@code Last-Event-ID}), progress changes are events
 * {@code progress}, and a final event {@code end} carries the terminal job once it finished and every line was sent.
 *
 * <p>{@code end} waits until the job's end was published ({@link PublishedEnds}), so a page that reads its feature's
 * row on {@code end} (the deployment, the model, the compression) finds the outcome there.
 *
 * <p>The queue notifies state changes only, not log lines or progress, so one small scheduler polls it for all open
 * streams (twice a second each).
 */
@Component
class JobLogStreams implements DisposableBean {

    private static final long POLL_MILLIS = 500;
    private static final int BATCH = 500;
    private static final Duration MAX_STREAM = Duration.ofHours(2);

    private final JobQueue queue;
    private final PublishedEnds ends;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-log-streams");
        thread.setDaemon(true);
        return thread;
    });

    JobLogStreams(JobQueue queue, PublishedEnds ends) {
        this.queue = queue;
        this.ends = ends;
    }

    SseEmitter open(UUID jobId, long afterSeq) {
        SseEmitter emitter = new SseEmitter(MAX_STREAM.toMillis());
        AtomicLong lastSeq = new AtomicLong(afterSeq);
        AtomicReference<Double> lastProgress = new AtomicReference<>(-1.0);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable poll = () -> {
            try {
                if (!pushOnce(jobId, emitter, lastSeq, lastProgress)) {
                    emitter.complete();
                    cancel(task);
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away (or the emitter timed out): stop polling for it
                cancel(task);
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
                cancel(task);
            }
        };
        emitter.onCompletion(() -> cancel(task));
        emitter.onTimeout(() -> cancel(task));
        emitter.onError(error -> cancel(task));
        task.set(poller.scheduleWithFixedDelay(poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
        return emitter;
    }

    /** Sends what is new; answers whether the stream should stay open. */
    private boolean pushOnce(UUID jobId, SseEmitter emitter, AtomicLong lastSeq, AtomicReference<Double> lastProgress)
            throws IOException {
        // read the state before the lines: a job seen terminal here has written all of its lines already
        Optional<Job> job = queue.find(jobId);
        if (job.isEmpty()) {
            return false;
        }
        List<JobLogLine> lines;
        do {
            lines = queue.logs(jobId, lastSeq.get(), BATCH);
            for (JobLogLine line : lines) {
                emitter.send(SseEmitter.event()
                        .name("log")
                        .id(Long.toString(line.seq()))
                        .data(line.line()));
                lastSeq.set(line.seq());
            }
        } while (lines.size() == BATCH);
        Job current = job.get();
        if (current.progress() != lastProgress.get()) {
            lastProgress.set(current.progress());
            emitter.send(SseEmitter.event().name("progress").data(JobView.of(current, queue.attempts(jobId))));
        }
        if (ends.showsEnd(current)) {
            emitter.send(SseEmitter.event().name("end").data(JobView.of(current, queue.attempts(jobId))));
            return false;
        }
        return true;
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> future = task.get();
        if (future != null) {
            future.cancel(false);
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}

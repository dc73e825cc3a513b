package kz.tirkeu.application;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent questions to state systems asked at once, each on its own virtual thread: a round of checks takes as
 * long as its slowest answer, not the sum. Closing waits for every task started.
 */
final class Parallel implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    <T> Future<T> start(Callable<T> task) {
        return threads.submit(task);
    }

    /** A task's result; its own exception is rethrown as it was, so callers see what failed, not a wrapper. */
    static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a check", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}

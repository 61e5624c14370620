package dev.realtimetck.referencetransport;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread on which a transport runs its listeners and processes inbound frames, in submission order. The
 * thread is a daemon named {@code realtime-dispatch-N}; it ends after a minute without work and a new one with the
 * same name takes over when work arrives, so an idle transport holds no thread.
 */
final class DispatchThread implements Executor {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name = "realtime-dispatch-" + COUNT.incrementAndGet();
    private final ThreadPoolExecutor executor;
    private volatile Thread current;

    DispatchThread() {
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            current = thread;
            return thread;
        };
        executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Whether the calling thread is this dispatch thread. */
    boolean isCurrent() {
        return Thread.currentThread() == current;
    }

    /** The thread name. */
    String name() {
        return name;
    }
}

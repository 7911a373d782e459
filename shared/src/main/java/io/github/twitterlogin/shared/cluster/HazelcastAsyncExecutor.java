package io.github.twitterlogin.shared.cluster;

import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Hazelcast's asynchronous completions on a small pool of named daemon threads instead of a
 * new thread per completion.
 *
 * <p>Hazelcast 5.3 completes every future of a member (each {@code whenComplete}, even the
 * non-async one, through {@code AbstractInvocationFuture}) on {@code
 * ConcurrencyUtil.getDefaultAsyncExecutor()}: the common {@link ForkJoinPool}, or, where the
 * common pool's parallelism is 1 (any machine of 2 cores or fewer, where the JDK sizes it to
 * cores - 1), {@code command -> new Thread(command).start()}. vertx-hazelcast turns each async map
 * operation into a Vert.x {@code Future} through {@code whenComplete}, so on such a machine every
 * session read or write starts and ends a thread: about 7 per login, measured at 13 ms of CPU per
 * login against 1.9 ms without (see {@code docs/performance.md}). Setting
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} also helps, but only when it is
 * set before {@code ForkJoinPool} is loaded, which an application embedding our verticles cannot
 * promise.
 *
 * <p>The completions are not all Vert.x's: Hazelcast also runs the callbacks of its executor
 * service, map loaders and queries there, which may block, so they get threads of their own rather
 * than {@code ConcurrencyUtil.CALLER_RUNS} on Hazelcast's partition and I/O threads. The pool is
 * small ({@link #THREADS}) and its queue unbounded, so a completion waits rather than fails; its
 * idle threads end after a minute.
 *
 * <p>{@link ClusteredVertx#start} installs it before Hazelcast starts. A verticle that may be
 * deployed in a clustered Vert.x that someone else built calls, first thing in {@code start()}:
 * <pre>{@code
 * if (vertx.isClustered()) HazelcastAsyncExecutor.install();
 * }</pre>
 * Hazelcast's field is not volatile: its threads started after {@code install()} see the pool for
 * certain; threads already running see it on HotSpot, which reads a non-final static on every call.
 */
public final class HazelcastAsyncExecutor {

  /** Completions only hand a result to a Vert.x context: a couple of threads keep up. */
  public static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
  static final String THREAD_NAME_PREFIX = "hazelcast-async-completion-";

  private static final Logger LOG = LoggerFactory.getLogger(HazelcastAsyncExecutor.class);
  private static final String PARALLELISM_PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
  private static final long IDLE_SECONDS = 60;

  private static ThreadPoolExecutor pool;
  private static Executor replaced;
  private static boolean warned;

  private HazelcastAsyncExecutor() {
  }

  /**
   * Replaces Hazelcast's thread-per-task executor by the pool; leaves any other executor (the
   * common pool on a larger machine, one an application set) alone. Idempotent and thread-safe.
   * When the replacement is needed but fails, logs one WARN naming the fix.
   */
  public static synchronized void install() {
    try {
      Executor current = ConcurrencyUtil.getDefaultAsyncExecutor();
      if (isThreadPerTask(current)) {
        ConcurrencyUtil.setDefaultAsyncExecutor(pool());
        replaced = current;
      }
    } catch (NoClassDefFoundError noHazelcast) {
      // Another cluster manager: no Hazelcast futures to complete.
    } catch (LinkageError | RuntimeException notReplaced) {
      warnOnce(notReplaced);
    }
  }

  /** Whether Hazelcast's completions run on this pool. */
  public static synchronized boolean isInstalled() {
    return pool != null && ConcurrencyUtil.getDefaultAsyncExecutor() == pool;
  }

  /** Hazelcast's thread-per-task executor, once replaced; null before, or if it never was. */
  static synchronized Executor replaced() {
    return replaced;
  }

  /**
   * Hazelcast's own fallback, the one lambda of {@code ConcurrencyUtil}; its other executor,
   * {@code CALLER_RUNS}, is an anonymous class.
   */
  static boolean isThreadPerTask(Executor executor) {
    return executor.getClass().getName().startsWith(ConcurrencyUtil.class.getName() + "$$Lambda");
  }

  private static Executor pool() {
    if (pool == null) {
      pool = new ThreadPoolExecutor(THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), daemonThreads());
      pool.allowCoreThreadTimeOut(true);
    }
    return pool;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, THREAD_NAME_PREFIX + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void warnOnce(Throwable notReplaced) {
    if (!warned && ForkJoinPool.getCommonPoolParallelism() <= 1) {
      warned = true;
      LOG.warn("Hazelcast may start a new thread for every cluster map operation (common pool parallelism {}),"
          + " and its executor could not be replaced ({}). Start the JVM with -D{}=4 to avoid it.",
          ForkJoinPool.getCommonPoolParallelism(), notReplaced.toString(), PARALLELISM_PROPERTY);
    }
  }
}

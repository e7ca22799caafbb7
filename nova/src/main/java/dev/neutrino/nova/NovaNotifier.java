package dev.neutrino.nova;

import dev.neutrino.ml2.CommittedChange;
import dev.neutrino.ml2.CorePlugin;
import dev.neutrino.ml2.PortStatusChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neutron's Nova notifier ({@code neutron/notifiers/nova.py} with its {@code BatchNotifier}): hears
 * committed changes and port status transitions from the core plugin, turns them into events
 * ({@link NovaEvents}) and sends them in batches: the first event of a quiet period at once, what
 * arrives while a batch is out or during the {@code send_events_interval} after it with the next.
 *
 * <p>Once per server: data events come from the server that served the request, status events from
 * the server whose conditional status update won ({@link CorePlugin#onPortStatus}), so several
 * servers send each event once. A batch Nova could not take (unreachable, 5xx, token refused) is
 * tried again with the events queued since, after 1, 2, 4... seconds, up to {@link #MAX_ATTEMPTS}
 * times; then it is logged and dropped. Events live in memory: those of a server that dies are
 * lost, as with Neutron.
 */
public final class NovaNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NovaNotifier.class);
    /** About two minutes of retrying (1+2+4+8+16+30+30+30 s). */
    public static final int MAX_ATTEMPTS = 9;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Events held at most; beyond it the oldest are dropped (a Nova gone for long must not fill the heap). */
    static final int MAX_QUEUED = 100_000;

    /** What happened to one request to Nova. */
    public enum Outcome {
        /** Nova took the batch (some events may have failed there: logged, not retried). */
        SENT,
        /** Nova, or Keystone on the way, could not take it now: try again. */
        RETRY,
        /** Nova refused the request itself (a 4xx other than 401/404): trying again would not help. */
        REFUSED
    }

    /** Sends one batch to Nova ({@link NovaClient}). */
    @FunctionalInterface
    public interface Sender {
        Outcome send(List<NovaEvent> batch);
    }

    private final Sender sender;
    private final Duration interval;
    private final Duration firstBackoff;
    private final LinkedBlockingQueue<NovaEvent> queue = new LinkedBlockingQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean closed;

    public NovaNotifier(Sender sender, Duration interval) {
        this(sender, interval, Duration.ofSeconds(1));
    }

    NovaNotifier(Sender sender, Duration interval, Duration firstBackoff) {
        this.sender = sender;
        this.interval = interval;
        this.firstBackoff = firstBackoff;
    }

    /**
     * Follows {@code core}: status transitions when {@code onStatus}
     * ({@code notify_nova_on_port_status_changes}), port and floating IP data when {@code onData}
     * ({@code notify_nova_on_port_data_changes}).
     */
    public NovaNotifier follow(CorePlugin core, boolean onStatus, boolean onData) {
        if (onStatus) core.onPortStatus(this::statusChanged);
        if (onData) {
            core.onChange(c -> {
                if (!c.resource().equals("port") && !c.resource().equals("floatingip")) return;
                for (NovaEvent e : NovaEvents.ofChange(c, id -> portById(core, id))) queue(e);
            });
        }
        return this;
    }

    private static Map<String, Object> portById(CorePlugin core, String id) {
        List<Map<String, Object>> found = core.read("ports", Map.of("id", List.of(id)));
        return found.isEmpty() ? null : found.getFirst();
    }

    void statusChanged(PortStatusChange c) {
        NovaEvents.ofStatus(c).ifPresent(this::queue);
    }

    /** Queues an event for the next batch (never blocks). */
    public void queue(NovaEvent event) {
        if (closed) return;
        if (queue.size() >= MAX_QUEUED) {
            NovaEvent old = queue.poll();
            if (old != null) {
                dropped.incrementAndGet();
                LOG.error("Nova event queue full ({} events): dropped {}", MAX_QUEUED, old.body());
            }
        }
        queue.add(event);
    }

    public NovaNotifier start() {
        worker = Thread.ofVirtual().name("nova-notifier").start(this::run);
        return this;
    }

    private void run() {
        try {
            while (!closed) {
                List<NovaEvent> batch = new ArrayList<>();
                NovaEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch);
                deliver(batch);
                // events arriving now wait for the next batch (Neutron's batch_interval)
                if (!interval.isZero()) Thread.sleep(interval);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(List<NovaEvent> batch) throws InterruptedException {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            requests.incrementAndGet();
            Outcome outcome;
            try {
                outcome = sender.send(List.copyOf(batch));
            } catch (RuntimeException e) {
                LOG.error("Failed to notify nova on events: {}", bodies(batch), e);
                outcome = Outcome.REFUSED;
            }
            switch (outcome) {
                case SENT -> {
                    sent.addAndGet(batch.size());
                    return;
                }
                case REFUSED -> {
                    dropped.addAndGet(batch.size());
                    return;
                }
                case RETRY -> {
                    if (attempt >= MAX_ATTEMPTS || closed) {
                        dropped.addAndGet(batch.size());
                        LOG.error("Gave up notifying Nova after {} attempts; events not delivered: {}", attempt,
                                bodies(batch));
                        return;
                    }
                    LOG.warn("Nova could not take {} events (attempt {} of {}); trying again in {} s", batch.size(),
                            attempt, MAX_ATTEMPTS, backoff.toMillis() / 1000.0);
                    Thread.sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                            : backoff.multipliedBy(2);
                    queue.drainTo(batch); // what came meanwhile goes with it
                }
            }
        }
    }

    private static List<Map<String, Object>> bodies(List<NovaEvent> batch) {
        return batch.stream().map(NovaEvent::body).toList();
    }

    /** Events Nova took. */
    public long sent() {
        return sent.get();
    }

    /** Events given up (after {@link #MAX_ATTEMPTS}, refused by Nova, or beyond {@link #MAX_QUEUED}). */
    public long dropped() {
        return dropped.get();
    }

    /** Requests sent to Nova, retries included. */
    public long requests() {
        return requests.get();
    }

    /** Events waiting for the next batch. */
    public int queued() {
        return queue.size();
    }

    @Override
    public void close() {
        closed = true;
        Thread w = worker;
        if (w != null) {
            w.interrupt();
            try {
                w.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // a server stopping sends what it still holds, once
        List<NovaEvent> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (rest.isEmpty()) return;
        requests.incrementAndGet();
        Outcome outcome;
        try {
            outcome = sender.send(List.copyOf(rest));
        } catch (RuntimeException e) {
            outcome = Outcome.REFUSED;
        }
        if (outcome == Outcome.SENT) {
            sent.addAndGet(rest.size());
        } else {
            dropped.addAndGet(rest.size());
            LOG.error("Stopping: events not delivered to Nova: {}", bodies(rest));
        }
    }
}

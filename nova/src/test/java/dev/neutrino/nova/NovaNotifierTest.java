package dev.neutrino.nova;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Batching, retry and giving up, with a scripted Nova. */
class NovaNotifierTest {
    /** Answers each request with the next scripted outcome (SENT when the script is done) and keeps the batches. */
    static final class ScriptedNova implements NovaNotifier.Sender {
        final Deque<NovaNotifier.Outcome> script = new ArrayDeque<>();
        final BlockingQueue<List<NovaEvent>> batches = new LinkedBlockingQueue<>();

        ScriptedNova(NovaNotifier.Outcome... outcomes) {
            script.addAll(List.of(outcomes));
        }

        @Override
        public synchronized NovaNotifier.Outcome send(List<NovaEvent> batch) {
            batches.add(batch);
            NovaNotifier.Outcome o = script.poll();
            return o == null ? NovaNotifier.Outcome.SENT : o;
        }

        List<NovaEvent> next() throws InterruptedException {
            List<NovaEvent> b = batches.poll(10, TimeUnit.SECONDS);
            assertThat(b).as("a batch reached Nova").isNotNull();
            return b;
        }
    }

    static NovaEvent event(int i) {
        return new NovaEvent("network-changed", "vm-" + i, "port-" + i, null);
    }

    @Test
    void theFirstEventGoesAtOnceAndTheRestWaitForTheInterval() throws Exception {
        ScriptedNova nova = new ScriptedNova();
        try (NovaNotifier n = new NovaNotifier(nova, Duration.ofSeconds(2)).start()) {
            n.queue(event(1));
            assertThat(nova.next()).containsExactly(event(1));
            // queued while the interval after that batch runs (2 s, far longer than three queue calls)
            n.queue(event(2));
            n.queue(event(3));
            n.queue(event(4));
            assertThat(nova.next()).as("one batch after the interval").containsExactly(event(2), event(3), event(4));
            assertThat(n.requests()).isEqualTo(2);
            waitUntil(() -> n.sent() == 4);
        }
    }

    @Test
    void aBatchNovaCouldNotTakeIsTriedAgainWithWhatCameMeanwhile() throws Exception {
        ScriptedNova nova = new ScriptedNova(NovaNotifier.Outcome.RETRY, NovaNotifier.Outcome.RETRY);
        try (NovaNotifier n = new NovaNotifier(nova, Duration.ZERO, Duration.ofMillis(200)).start()) {
            n.queue(event(1));
            assertThat(nova.next()).containsExactly(event(1));
            n.queue(event(2)); // while Nova is down
            assertThat(nova.next()).containsExactly(event(1), event(2));
            assertThat(nova.next()).containsExactly(event(1), event(2));
            waitUntil(() -> n.sent() == 2);
            assertThat(n.dropped()).isZero();
        }
    }

    @Test
    void afterTheLastAttemptTheBatchIsDroppedAndLaterEventsStillGo() throws Exception {
        NovaNotifier.Outcome[] down = new NovaNotifier.Outcome[NovaNotifier.MAX_ATTEMPTS];
        java.util.Arrays.fill(down, NovaNotifier.Outcome.RETRY);
        ScriptedNova nova = new ScriptedNova(down);
        try (NovaNotifier n = new NovaNotifier(nova, Duration.ZERO, Duration.ofMillis(1)).start()) {
            n.queue(event(1));
            for (int i = 0; i < NovaNotifier.MAX_ATTEMPTS; i++) assertThat(nova.next()).containsExactly(event(1));
            waitUntil(() -> n.dropped() == 1);
            n.queue(event(2));
            assertThat(nova.next()).containsExactly(event(2));
            waitUntil(() -> n.sent() == 1);
            assertThat(n.requests()).isEqualTo(NovaNotifier.MAX_ATTEMPTS + 1);
        }
    }

    @Test
    void aRefusedBatchIsNotRetried() throws Exception {
        ScriptedNova nova = new ScriptedNova(NovaNotifier.Outcome.REFUSED);
        try (NovaNotifier n = new NovaNotifier(nova, Duration.ZERO, Duration.ofMillis(1)).start()) {
            n.queue(event(1));
            assertThat(nova.next()).containsExactly(event(1));
            waitUntil(() -> n.dropped() == 1);
            n.queue(event(2));
            assertThat(nova.next()).containsExactly(event(2));
        }
    }

    @Test
    void stoppingSendsWhatIsStillQueued() throws Exception {
        ScriptedNova nova = new ScriptedNova();
        NovaNotifier n = new NovaNotifier(nova, Duration.ofSeconds(30)).start();
        n.queue(event(1));
        assertThat(nova.next()).containsExactly(event(1));
        n.queue(event(2)); // waits for an interval that will not end before the stop
        n.close();
        assertThat(nova.next()).containsExactly(event(2));
        assertThat(n.sent()).isEqualTo(2);
        n.queue(event(3));
        assertThat(n.queued()).as("a stopped notifier takes nothing").isZero();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(end);
            Thread.sleep(10);
        }
    }
}

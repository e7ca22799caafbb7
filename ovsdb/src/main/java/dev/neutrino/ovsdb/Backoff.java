package dev.neutrino.ovsdb;

import java.time.Duration;
import java.util.Objects;

/** Exponential reconnect backoff: {@code initial}, doubling after each failed round, at most {@code max}. */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 <= initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay before retry round {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        if (attempt >= 62 || initial.isZero()) {
            return initial.isZero() ? Duration.ZERO : max;
        }
        Duration delay = initial.multipliedBy(1L << Math.min(attempt, 30));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}

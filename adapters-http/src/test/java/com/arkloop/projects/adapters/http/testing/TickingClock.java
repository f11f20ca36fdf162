package com.arkloop.projects.adapters.http.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves forward a fixed step on every read, so creation order is predictable in tests. */
public final class TickingClock extends Clock {

    private final AtomicReference<Instant> now;
    private final Duration step;

    public TickingClock(Instant start, Duration step) {
        this.now = new AtomicReference<>(start);
        this.step = step;
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(current -> current.plus(step));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("always UTC");
    }
}

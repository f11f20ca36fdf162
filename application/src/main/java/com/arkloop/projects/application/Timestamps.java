package com.arkloop.projects.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at the precision the stores keep (microseconds), so a value reads back equal. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

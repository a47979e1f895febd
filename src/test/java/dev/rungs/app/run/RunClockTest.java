package dev.rungs.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunClockTest {
    @Test
    void fractionFollowsWhicheverLimitIsNearer() {
        assertEquals(Optional.of(0.25), RunClock.fraction(25, 100, Duration.ofSeconds(1), null, 0, 0));
        assertEquals(Optional.of(0.5), RunClock.fraction(25, 100, Duration.ofSeconds(30), Duration.ofSeconds(60),
                0, 0));
        assertEquals(Optional.of(1.0), RunClock.fraction(120, 100, Duration.ZERO, null, 0, 0));
        assertEquals(Optional.of(0.75), RunClock.fraction(25, 0, Duration.ofSeconds(1), null, 300, 400),
                "a resource budget alone");
        assertEquals(Optional.empty(), RunClock.fraction(25, 0, Duration.ofSeconds(1), null, 300, 0));
    }

    @Test
    void remainingExtrapolatesThisRunAndIsCappedByTheTimeLimit() {
        // 10 trials in 20 s, 30 to go: 60 s.
        assertEquals(Optional.of(Duration.ofSeconds(60)), RunClock.remaining(10, 30, Duration.ofSeconds(20), null));
        assertEquals(Optional.of(Duration.ofSeconds(40)),
                RunClock.remaining(10, 30, Duration.ofSeconds(20), Duration.ofSeconds(60)));
        assertEquals(Optional.empty(), RunClock.remaining(0, 30, Duration.ofSeconds(20), null),
                "nothing to extrapolate from yet");
        assertEquals(Optional.of(Duration.ofSeconds(5)), RunClock.remaining(0, -1, Duration.ofSeconds(55),
                Duration.ofSeconds(60)));
        assertEquals(Optional.of(Duration.ZERO), RunClock.remaining(3, -1, Duration.ofSeconds(65),
                Duration.ofSeconds(60)));
    }

    @Test
    void formatsLikeAClock() {
        assertEquals("0:07", RunClock.format(Duration.ofSeconds(7)));
        assertEquals("12:30", RunClock.format(Duration.ofSeconds(750)));
        assertEquals("2:05:09", RunClock.format(Duration.ofSeconds(2 * 3600 + 5 * 60 + 9)));
    }
}

package dev.easel.server.auth;

import dev.easel.server.ws.ManualClock;
import dev.easel.testkit.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong tokens per address on a clock stepped by hand: three a minute, refilled one every 20 s. */
class LockoutsTest {
    private final ManualClock clock = new ManualClock();
    private final Lockouts lockouts = new Lockouts(new GuessLimit(3, Duration.ofMinutes(1), 2, clock::nanos));

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) lockouts.failed(address);
    }

    @Test
    void anAddressIsLockedOutAtItsLimitOfFailuresAndNotBefore() {
        assertThat(lockouts.lockedFor("10.0.0.1")).isEmpty();
        fail("10.0.0.1", 2);
        assertThat(lockouts.lockedFor("10.0.0.1")).isEmpty();
        fail("10.0.0.1", 1);
        assertThat(lockouts.lockedFor("10.0.0.1")).isEqualTo(OptionalLong.of(20));
        assertThat(lockouts.lockedFor("10.0.0.2")).as("another address").isEmpty();
    }

    @Test
    void theLockOutEndsWhenOneFailureHasComeBackAndTheWholeMinuteGivesBackAll() {
        fail("10.0.0.1", 3);
        clock.advance(Duration.ofSeconds(12));
        assertThat(lockouts.lockedFor("10.0.0.1")).isEqualTo(OptionalLong.of(8));
        clock.advance(Duration.ofMillis(7_500));
        assertThat(lockouts.lockedFor("10.0.0.1")).as("rounded up").isEqualTo(OptionalLong.of(1));
        clock.advance(Duration.ofMillis(500));
        assertThat(lockouts.lockedFor("10.0.0.1")).isEmpty();
        fail("10.0.0.1", 1);
        assertThat(lockouts.lockedFor("10.0.0.1")).as("only one had come back").isEqualTo(OptionalLong.of(20));
        clock.advance(Duration.ofMinutes(5));
        fail("10.0.0.1", 2);
        assertThat(lockouts.lockedFor("10.0.0.1")).as("never more than three saved up").isEmpty();
        fail("10.0.0.1", 1);
        assertThat(lockouts.lockedFor("10.0.0.1")).isPresent();
    }

    @Test
    void failuresBeyondTheLimitWhileLockedOutLengthenIt() {
        fail("10.0.0.1", 5);
        assertThat(lockouts.lockedFor("10.0.0.1")).isEqualTo(OptionalLong.of(60));
    }

    @Test
    void eachLockOutIsLoggedOnceWithTheAddress() {
        try (LogCapture log = LogCapture.of(Lockouts.class.getName())) {
            fail("10.0.0.1", 5);
            clock.advance(Duration.ofMinutes(2));
            fail("10.0.0.1", 3);
            assertThat(log.messages()).containsExactly(
                    "10.0.0.1 is locked out for 20 s: 3 wrong tokens within 60 s (--auth-max-failures); "
                            + "its requests with a token are answered 429 meanwhile",
                    "10.0.0.1 is locked out for 20 s: 3 wrong tokens within 60 s (--auth-max-failures); "
                            + "its requests with a token are answered 429 meanwhile");
        }
    }

    @Test
    void atMostTheLimitOfAddressesIsRememberedTheOneTouchedLongestAgoForgottenFirst() {
        fail("10.0.0.1", 3);
        fail("10.0.0.2", 3);
        assertThat(lockouts.lockedFor("10.0.0.1")).isPresent();
        fail("10.0.0.3", 1);
        assertThat(lockouts.lockedFor("10.0.0.2")).as("forgotten").isEmpty();
        assertThat(lockouts.lockedFor("10.0.0.1")).as("asked about last, so kept").isPresent();
    }
}

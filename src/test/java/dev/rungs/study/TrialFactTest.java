package dev.rungs.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrialFactTest {
    private final Trial plain = Trial.running(0, new Config(Map.of("x", 1.0)), Map.of(), Instant.EPOCH);

    @Test
    void factsAreWrittenInTheColumnsStoredStudiesAlreadyHave() {
        Trial t = TrialFact.OUTCOME.on(TrialFact.BUDGET.on(TrialFact.RUNG.on(plain, 2), 27L),
                TrialFact.RungOutcome.PROMOTED);
        assertEquals(Map.of("rung", "2", "budget", "27", "outcome", "promoted"), t.attrs());
        assertEquals(Map.entry("proposed_by", "model"), TrialFact.PROPOSED_BY.entry(TrialFact.Proposer.MODEL));
        assertEquals(Map.entry("tpe_mode", "startup"), TrialFact.TPE_MODE.entry(TrialFact.Proposer.STARTUP));
    }

    @Test
    void factsReadBackTypedAndUnreadableOrAbsentOnesAreEmpty() {
        Trial t = plain.withAttr("resource_used", "1902").withAttr("outcome", "stopped").withAttr("rung", "two");
        assertEquals(Optional.of(1902L), TrialFact.RESOURCE_USED.in(t));
        assertEquals(Optional.of(TrialFact.RungOutcome.STOPPED), TrialFact.OUTCOME.in(t));
        assertEquals(Optional.empty(), TrialFact.RUNG.in(t), "a value no scheduler wrote reads as absent");
        assertTrue(TrialFact.RUNG.isIn(t));
        assertEquals(Optional.empty(), TrialFact.BRACKET.in(t));
        assertFalse(TrialFact.RESOURCE_USED.isIn(TrialFact.RESOURCE_USED.off(t)));
    }
}

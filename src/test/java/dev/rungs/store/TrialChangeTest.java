package dev.rungs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialChangeTest {
    @Test
    void eachFactoryNamesItsPartAndNothingElse() {
        TrialChange report = TrialChange.report(4);
        assertFalse(report.touchesRow());
        assertFalse(report.touchesConfig());
        assertEquals(Set.of(4L), report.reportedSteps());
        assertEquals(Set.of(), report.attrKeys());

        assertTrue(TrialChange.row().touchesRow());
        assertFalse(TrialChange.row().touchesConfig());
        assertTrue(TrialChange.exploit().touchesRow(), "an exploit sets the parent, which is in the row");
        assertTrue(TrialChange.exploit().touchesConfig());
        assertEquals(List.of("b", "a"), List.copyOf(TrialChange.attrs("b", "a").attrKeys()));

        TrialChange all = TrialChange.everything();
        assertTrue(all.rewritesAll() && all.touchesRow() && all.touchesConfig());
        assertFalse(TrialChange.row().rewritesAll());
    }

    @Test
    void changesCombineToTheUnionOfWhatTheyName() {
        TrialChange c = TrialChange.report(1).and(TrialChange.report(3)).and(TrialChange.row()).andAttrs("rung")
                .and(TrialChange.attrs("rung", "budget"));
        assertTrue(c.touchesRow());
        assertFalse(c.touchesConfig());
        assertEquals(List.of(1L, 3L), List.copyOf(c.reportedSteps()));
        assertEquals(List.of("rung", "budget"), List.copyOf(c.attrKeys()));
        assertEquals(c, TrialChange.row().andAttrs("rung", "budget").and(TrialChange.report(3))
                .and(TrialChange.report(1)));
        assertSame(c, c.and(TrialChange.none()));
        assertTrue(TrialChange.report(1).and(TrialChange.everything()).rewritesAll());
    }
}

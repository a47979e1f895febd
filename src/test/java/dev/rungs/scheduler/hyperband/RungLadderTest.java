package dev.rungs.scheduler.hyperband;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ASHA and Hyperband put their rungs on one ladder: r · η^k below R, then R. */
class RungLadderTest {

    private static long[] hyperbandsFirstBracket(long r, long bigR, int eta) {
        return new HyperbandScheduler(r, bigR, eta).rungPlan(bigR).rungResources(
                new HyperbandScheduler(r, bigR, eta).brackets(bigR).get(0));
    }

    @Test
    void r52Eta3GivesTheSameRungsToAshaAndHyperband() {
        long[] expected = {1, 3, 9, 27, 52};
        assertArrayEquals(expected, new AshaScheduler(1, 52, 3, 0, false).rungResources(52));
        assertArrayEquals(expected, hyperbandsFirstBracket(1, 52, 3));
        assertArrayEquals(expected, new SuccessiveHalvingScheduler(1, 52, 3).rungPlan(52)
                .rungResources(new SuccessiveHalvingScheduler(1, 52, 3).brackets(52).get(0)));
    }

    @Test
    void r81Eta3IsThePapersLadderForBoth() {
        long[] expected = {1, 3, 9, 27, 81};
        assertArrayEquals(expected, new AshaScheduler(1, 81, 3, 0, false).rungResources(81));
        assertArrayEquals(expected, hyperbandsFirstBracket(1, 81, 3));
    }

    @Test
    void everyHyperbandBracketStandsOnTheLadderAndEndsAtR() {
        long[] ladder = Bracket.ladder(1, 52, 3, 0);
        List<Bracket> brackets = Bracket.hyperband(1, 52, 3);
        assertEquals(5, brackets.size(), "s_max = 4: a rung on every step of 1, 3, 9, 27 below 52");
        for (Bracket b : brackets) {
            for (int i = 0; i < b.rungs().size(); i++) {
                assertEquals(ladder[ladder.length - b.rungs().size() + i], b.rungs().get(i).resource(),
                        "bracket " + b.s() + " rung " + i);
            }
        }
        assertEquals(List.of(81, 27, 9, 3, 1), brackets.get(0).rungs().stream().map(Bracket.Rung::configs).toList());
    }

    @Test
    void theEarlyStoppingRateSkipsStepsOfTheSameLadder() {
        assertArrayEquals(new long[] {3, 9, 27, 52}, new AshaScheduler(1, 52, 3, 1, false).rungResources(52));
        assertArrayEquals(new long[] {52}, Bracket.ladder(1, 52, 3, 4), "past R only R is left");
        assertArrayEquals(new long[] {2, 6, 18, 54, 100}, Bracket.ladder(2, 100, 3, 0));
    }

    @Test
    void ashasAutoMinResourceIsOneUpTo199ThenAHundredthOfR() {
        AshaScheduler auto = new AshaScheduler();
        assertArrayEquals(new long[] {1, 4, 16, 64, 81}, auto.rungResources(81));
        assertArrayEquals(new long[] {1, 4, 16, 64, 199}, auto.rungResources(199));
        assertArrayEquals(new long[] {10, 40, 160, 640, 1000}, auto.rungResources(1000), "not one tree of a thousand");
        assertEquals(10, auto.rungPlan(1000).minResource());
        assertEquals(AshaScheduler.AUTO_MIN_RESOURCE, dev.rungs.spec.Methods.schedulers().stream()
                .filter(m -> m.type().equals("asha")).findFirst().orElseThrow().settings().get(0).defaultValue());
    }
}

package dev.rungs.objective.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {
    static final Dataset IRIS = MlObjectiveTest.load("iris.csv");

    @Test
    void kfoldTestsEveryRowOnceAndKeepsClassProportions() {
        List<Validation.Split> splits = Validation.kfold(5, 3).splits(IRIS);
        assertEquals(5, splits.size());
        int[] seen = new int[IRIS.rows()];
        for (Validation.Split s : splits) {
            assertEquals(IRIS.rows(), s.train().length + s.test().length);
            int[] perClass = new int[3];
            for (int r : s.test()) {
                seen[r]++;
                perClass[(int) IRIS.y()[r]]++;
            }
            assertArrayEquals(new int[] {10, 10, 10}, perClass, "50 rows per class over 5 folds");
            for (int r : s.train()) {
                assertFalse(Arrays.stream(s.test()).anyMatch(t -> t == r), "train and test are disjoint");
            }
        }
        assertTrue(Arrays.stream(seen).allMatch(c -> c == 1));
    }

    @Test
    void theSeedFixesTheSplits() {
        Validation.Split a = Validation.kfold(5, 3).splits(IRIS).get(0);
        Validation.Split b = Validation.kfold(5, 3).splits(IRIS).get(0);
        Validation.Split c = Validation.kfold(5, 4).splits(IRIS).get(0);
        assertArrayEquals(a.test(), b.test());
        assertFalse(Arrays.equals(a.test(), c.test()));
    }

    @Test
    void holdoutKeepsTheFractionPerClass() {
        Validation.Split s = Validation.holdout(0.2, 1).splits(IRIS).get(0);
        assertEquals(30, s.test().length);
        assertEquals(120, s.train().length);
        int[] perClass = new int[3];
        for (int r : s.test()) {
            perClass[(int) IRIS.y()[r]]++;
        }
        assertArrayEquals(new int[] {10, 10, 10}, perClass);
    }
}

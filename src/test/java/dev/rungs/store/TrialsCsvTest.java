package dev.rungs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A trials CSV written and read back: every cell means what it meant. */
class TrialsCsvTest {
    static final SearchSpace SPACE = SearchSpace.builder()
            .logFloatParam("lr", 1e-5, 1)
            .intParam("layers", 1, 8)
            .categorical("activation", "relu", "tanh", "odd, \"quoted\" choice")
            .categorical("optimizer", "sgd", "adam")
            .floatParam("momentum", 0, 1).when("optimizer", "sgd")
            .categorical("batch_norm", true, false)
            .categorical("width", 32, 64, 128)
            .build();

    static final Instant T = Instant.parse("2025-03-04T05:06:07.123456789Z");

    private static Trial trial(int n, TrialState state, Map<String, Object> params, Double value,
            Map<String, String> attrs, Instant started, Instant finished, OptionalInt parent) {
        Config c = SPACE.validate(params);
        return new Trial(n, state, c, value == null ? OptionalDouble.empty() : OptionalDouble.of(value),
                new TreeMap<>(Map.of(1L, 0.5)), attrs, started, finished, parent);
    }

    private static Map<String, Object> params(double lr, long layers, String act, String opt, Double momentum,
            boolean bn, int width) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", lr);
        m.put("layers", layers);
        m.put("activation", act);
        m.put("optimizer", opt);
        if (momentum != null) {
            m.put("momentum", momentum);
        }
        m.put("batch_norm", bn);
        m.put("width", width);
        return m;
    }

    static List<Trial> trials() {
        List<Trial> ts = new ArrayList<>();
        ts.add(trial(0, TrialState.COMPLETE, params(0.0031622776601683794, 3, "relu", "sgd", 0.9, true, 64), 0.125,
                Map.of("user_attrs_note", "plain", "bracket", "0", "rung", "1"), T, T.plusMillis(1500),
                OptionalInt.empty()));
        ts.add(trial(1, TrialState.PRUNED, params(1e-5, 1, "odd, \"quoted\" choice", "adam", null, false, 128),
                -3.5e-12, Map.of("user_attrs_note", "a, \"quoted\"\nmulti-line, value", "rung", "0"),
                T.plusSeconds(1), T.plusSeconds(3).plusNanos(1), OptionalInt.of(0)));
        ts.add(trial(2, TrialState.RUNNING, params(1.0, 8, "tanh", "adam", null, true, 32), null, Map.of(),
                T.plusSeconds(2), null, OptionalInt.empty()));
        ts.add(trial(3, TrialState.FAIL, params(0.5, 2, "relu", "sgd", 0.0, false, 64), null,
                Map.of(Trial.FAIL_REASON, "boom", "user_attrs_other", "=1+1"), T.plusSeconds(4), T.plusSeconds(5),
                OptionalInt.of(1)));
        return ts;
    }

    @Test
    void aWrittenCsvReadsBackFieldByField() throws IOException {
        List<Trial> trials = trials();
        StringWriter out = new StringWriter();
        TrialsCsv.write(out, SPACE, trials);
        List<TrialsCsv.Row> rows = TrialsCsv.read(new StringReader(out.toString()), SPACE);

        assertEquals(trials.size(), rows.size());
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            TrialsCsv.Row r = rows.get(i);
            assertEquals(t.number(), r.number());
            assertEquals(t.value(), r.value(), "value of " + t.number());
            assertEquals(t.started(), r.started());
            assertEquals(t.finished(), r.finished());
            assertEquals(t.finished() == null ? OptionalDouble.empty()
                    : OptionalDouble.of(Duration.between(t.started(), t.finished()).toNanos() / 1e9),
                    r.durationSeconds());
            assertEquals(t.config(), r.config(), "config of " + t.number());
            assertEquals(List.copyOf(t.config().values().entrySet()), List.copyOf(r.config().values().entrySet()));
            for (String k : t.config().values().keySet()) {
                assertEquals(t.config().get(k).getClass(), r.config().get(k).getClass(), k);
            }
            Map<String, String> expectedAttrs = new LinkedHashMap<>(t.attrs());
            expectedAttrs.remove(Trial.FAIL_REASON); // not a column of the layout
            assertEquals(expectedAttrs, r.attrs(), "attrs of " + t.number());
            assertEquals(t.state(), r.state());
            assertEquals(t.parent(), r.parent());
        }
        // the inactive momentum is an empty cell, not a zero
        assertTrue(out.toString().lines().skip(2).findFirst().orElseThrow().contains(",,"), out.toString());
    }

    @Test
    void aCsvWithoutTrialsReadsAsNoRows() throws IOException {
        StringWriter out = new StringWriter();
        TrialsCsv.write(out, SPACE, List.of());
        assertEquals(List.of(), TrialsCsv.read(new StringReader(out.toString()), SPACE));
    }

    @Test
    void contentThatDoesNotFitTheSpaceIsRefusedWithItsLine() {
        String csv = "number,value,datetime_start,datetime_complete,duration,params_lr,params_layers,"
                + "params_activation,params_optimizer,params_momentum,params_batch_norm,params_width,state\n"
                + "0,1.0,,,,0.1,2,relu,adam,,true,64,COMPLETE\n"
                + "1,1.0,,,,0.1,2,swish,adam,,true,64,COMPLETE\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrialsCsv.read(new StringReader(csv), SPACE));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("swish"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrialsCsv.read(new StringReader("a,b\n1,2\n"), SPACE));
    }
}

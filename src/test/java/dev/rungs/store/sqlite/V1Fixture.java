package dev.rungs.store.sqlite;

import dev.rungs.space.Config;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Makes {@code src/test/resources/store/rungs-v1.db}: a database as Rungs wrote it at schema
 * version 1 (no checkpoints, no lineage), kept so that every later Rungs is tested on
 * upgrading it. It was generated once and committed; regenerating it is only needed if it is
 * lost, since what matters is that the bytes stay those of a real version-1 file:
 *
 * <pre>mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.rungs.store.sqlite.V1Fixture</pre>
 *
 * The rows are written with plain SQL in the version-1 layout, not through the store, so that
 * later changes of the store's code cannot change what the fixture holds.
 */
public final class V1Fixture {
    static final String RESOURCE = "/store/rungs-v1.db";
    static final String STUDY = "v1-study";
    static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.000000006Z");
    static final Map<String, String> PROVENANCE = Map.of("sampler", "RandomSampler", "seed", "11",
            "rungs", "0.1.0-SNAPSHOT");
    static final String SPEC = "{\"name\":\"v1-study\",\"direction\":\"minimize\"}";

    private V1Fixture() {
    }

    /** The trials the fixture holds, as the store must read them back. */
    static List<Trial> trials() {
        Instant t0 = Instant.parse("2025-01-02T03:05:00.123456789Z");
        Map<String, Object> c0 = new LinkedHashMap<>();
        c0.put("lr", 0.0125);
        c0.put("depth", 4L);
        c0.put("kernel", "rbf");
        c0.put("shrinking", false);
        Map<String, Object> c1 = new LinkedHashMap<>();
        c1.put("lr", 0.5);
        c1.put("depth", 2L);
        c1.put("kernel", "linear");  // 'shrinking' inactive for this kernel: absent
        Map<String, String> a0 = new LinkedHashMap<>();
        a0.put("bracket", "0");
        a0.put("user_attrs_note", "first, \"best\"");
        Trial done = new Trial(0, TrialState.COMPLETE, new Config(c0), OptionalDouble.of(0.3125),
                new TreeMap<>(Map.of(1L, 0.75, 2L, 0.5, 3L, 0.3125)), a0, t0, t0.plusMillis(1500),
                OptionalInt.empty());
        Trial failed = new Trial(1, TrialState.FAIL, new Config(c1), OptionalDouble.empty(),
                new TreeMap<>(Map.of(1L, 2.0)), Map.of(Trial.FAIL_REASON, "diverged"), t0.plusSeconds(1),
                t0.plusSeconds(2), OptionalInt.empty());
        Trial running = new Trial(2, TrialState.RUNNING, new Config(c0), OptionalDouble.empty(), new TreeMap<>(),
                Map.of(), t0.plusSeconds(3), null, OptionalInt.of(0));
        return List.of(done, failed, running);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/store/rungs-v1.db");
        Files.deleteIfExists(out);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Connection c = FileCheck.connect(out, false, false, 5000); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA foreign_keys = ON");
            Schema.migrate(c, 1);
            s.execute("BEGIN");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO studies (id, name, direction, spec_json, state,"
                    + " created) VALUES (1, ?, 'MINIMIZE', ?, 'STOPPED', ?)")) {
                p.setString(1, STUDY);
                p.setString(2, SPEC);
                p.setLong(3, Values.nanos(CREATED));
                p.executeUpdate();
            }
            for (Map.Entry<String, String> e : PROVENANCE.entrySet()) {
                exec(c, "INSERT INTO study_provenance (study_id, key, value) VALUES (1, ?, ?)", e.getKey(), e.getValue());
            }
            for (Trial t : trials()) {
                exec(c, "INSERT INTO trials (study_id, number, state, value, started, finished, parent)"
                        + " VALUES (1, ?, ?, ?, ?, ?, ?)", t.number(), t.state().name(),
                        t.value().isPresent() ? t.value().getAsDouble() : null,
                        t.started() == null ? null : Values.nanos(t.started()),
                        t.finished() == null ? null : Values.nanos(t.finished()),
                        t.parent().isPresent() ? t.parent().getAsInt() : null);
                int pos = 0;
                for (Map.Entry<String, Object> e : t.config().values().entrySet()) {
                    Object v = e.getValue();
                    String tag = v instanceof Double ? "float" : v instanceof Long ? "int"
                            : v instanceof Boolean ? "bool" : "str";
                    Object stored = v instanceof Boolean b ? (b ? 1 : 0) : v;
                    exec(c, "INSERT INTO trial_params (study_id, number, position, name, type, value)"
                            + " VALUES (1, ?, ?, ?, ?, ?)", t.number(), pos++, e.getKey(), tag, stored);
                }
                for (Map.Entry<Long, Double> e : t.intermediate().entrySet()) {
                    exec(c, "INSERT INTO intermediate_values (study_id, number, step, value) VALUES (1, ?, ?, ?)",
                            t.number(), e.getKey(), e.getValue());
                }
                pos = 0;
                for (Map.Entry<String, String> e : t.attrs().entrySet()) {
                    exec(c, "INSERT INTO trial_attrs (study_id, number, key, position, value) VALUES (1, ?, ?, ?, ?)",
                            t.number(), e.getKey(), pos++, e.getValue());
                }
            }
            s.execute("COMMIT");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }
}

package dev.rungs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// README example: begin
import dev.rungs.engine.Budget;
import dev.rungs.engine.ProgressPoint;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.sampler.tpe.TpeSampler;
import dev.rungs.sampler.tpe.TpeSettings;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.nio.ByteBuffer;
import java.nio.file.Path;

class TuneExample {

    /** Stands in for a model: its validation loss after `epoch` epochs with these settings. */
    static double trainOneEpoch(Config config, long epoch) {
        double lr = config.getDouble("lr");
        double momentum = config.has("momentum") ? config.getDouble("momentum") : 0.5;
        return Math.pow(Math.log10(lr) + 3, 2) + config.getInt("layers") * 0.1
                + Math.abs(momentum - 0.9) + 1.0 / epoch;
    }

    /** Trains a trial from where it left off (0, or its checkpoint) up to its budget, epoch by epoch. */
    static final Objective TRAINING = (config, ctx) -> {
        long epoch = ctx.restoreCheckpoint().isPresent() ? ctx.resumedFrom() : 0;
        double loss = Double.NaN;
        while (epoch < ctx.budget()) {
            epoch++;
            loss = trainOneEpoch(config, epoch);
            Decision decision = ctx.report(epoch, loss);
            if (decision.kind() == Decision.Kind.PAUSE) {
                // May be promoted to a larger budget later: a real model saves its weights here.
                ctx.saveCheckpoint(ByteBuffer.allocate(Long.BYTES).putLong(epoch).array());
            }
            if (!decision.shouldContinue()) {
                break;                               // paused or pruned: return promptly
            }
        }
        return loss;
    };

    static StudyResult tune(Path database) {
        SearchSpace space = SearchSpace.builder()
                .logFloatParam("lr", 1e-5, 1e-1)
                .intParam("layers", 1, 4)
                .categorical("optimizer", "adam", "sgd")
                .floatParam("momentum", 0.0, 0.99).when("optimizer", "sgd")
                .build();

        try (Tuner tuner = Tuner.builder(space)
                .name("mlp")
                .storeAt(database)                   // a SQLite file, opened and closed by the tuner
                .sampler(new TpeSampler(TpeSettings.defaults().withMultivariate(true)))
                .scheduler(new HyperbandScheduler()) // r = 1, η = 3, up to maxResource
                .maxResource(27)                     // epochs of a trial that runs to the end
                .minimize()
                .workers(2)
                .seed(42)
                .build()) {
            return tuner.optimize(TRAINING, Budget.trials(60));
        }
    }

    public static void main(String[] args) {
        StudyResult result = tune(Path.of(args.length > 0 ? args[0] : "tune-example.db"));
        System.out.println("best " + result.bestValue().orElseThrow() + " at " + result.bestConfig().orElseThrow());
        for (ProgressPoint p : result.progress()) {  // best so far against resource: a regret plot
            System.out.println(p.resource() + " epochs: " + p.bestValue().orElse(Double.NaN));
        }
    }
}
// README example: end

/** The README's Java API example, run as written there, and kept the same text as there. */
class LibraryApiTest {
    private static final String BEGIN = "// README example: begin\n";
    private static final String END = "// README example: end\n";

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleTunesAMultiFidelityStudyIntoSqlite() {
        Path db = dir.resolve("tune.db");
        StudyResult result = TuneExample.tune(db);

        assertEquals(60, result.trials().size());
        Trial best = result.best().orElseThrow();
        assertEquals(TrialState.COMPLETE, best.state());
        assertEquals("27", best.attrs().get("budget"), "the best trial ran to the largest rung");
        assertTrue(result.bestValue().getAsDouble() < 1.0, "TPE with Hyperband gets near lr = 1e-3: " + best);
        assertTrue(result.trials().stream().anyMatch(t -> t.state() == TrialState.PRUNED), "Hyperband pruned");
        assertTrue(result.trials().stream().map(Trial::config)
                .allMatch(c -> c.get("optimizer").equals("sgd") == c.has("momentum")));

        List<ProgressPoint> progress = result.progress();
        assertEquals(result.resourceUsed(), progress.get(progress.size() - 1).resource());
        assertEquals(result.bestValue(), progress.get(progress.size() - 1).bestValue());

        try (SqliteStudyStore store = SqliteStudyStore.openReadOnly(db)) {
            long id = store.findStudy("mlp").orElseThrow().id();
            assertEquals(60, store.trials(id).size(), "every trial is in the file the tuner opened and closed");
        }
    }

    @Test
    void itsMainPrintsTheBestAndTheProgress() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            TuneExample.main(new String[] {dir.resolve("main.db").toString()});
        } finally {
            System.setOut(out);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("best "), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).contains(" epochs: "), lines.get(lines.size() - 1));
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int api = readme.indexOf("## Java API\n");
        assertTrue(api >= 0, "the README has a Java API section");
        int open = readme.indexOf("```java\n", api) + "```java\n".length();
        String shown = readme.substring(open, readme.indexOf("```\n", open));

        String source = Files.readString(Path.of("src/test/java/dev/rungs/LibraryApiTest.java"),
                StandardCharsets.UTF_8);
        int begin = source.indexOf(BEGIN) + BEGIN.length();
        String tested = source.substring(begin, source.indexOf(END, begin));
        assertEquals(shown, tested, "the README's Java API example and LibraryApiTest's copy of it differ");
    }
}

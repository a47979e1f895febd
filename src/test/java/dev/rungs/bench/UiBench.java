package dev.rungs.bench;

import dev.rungs.app.DefaultTaskExecutor;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.run.RunView;
import dev.rungs.app.run.RunViewModel;
import dev.rungs.app.studies.StudyState;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.sqlite.SqliteStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The workbench with big studies, headless (Monocle, software rendering):
 * <ul>
 *   <li>open: a stored study of N trials is opened in a run view; the time from the request to
 *       the first frame drawn with every trial in the table and the history chart;</li>
 *   <li>live: a study of N cheap trials runs while its run view shows it; how late the UI thread
 *       answers a probe posted every 20 ms (the delay a click would feel), and how many times
 *       the view was updated.</li>
 * </ul>
 */
final class UiBench {
    private UiBench() {
    }

    static final String SPEC = """
            {"name": "ui-bench", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "random"}, "budget": {"trials": %d}, "seed": 1}""";

    static void run(int trials) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        TaskExecutor tasks = DefaultTaskExecutor.forJavaFx();

        Path dir = Files.createTempDirectory("rungs-ui-bench");
        StudySpec spec = SpecReader.parse(String.format(Locale.ROOT, SPEC, trials));
        try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("ui.db"))) {
            long id;
            try (Tuner t = StudyFactory.createTuner(spec, store, "test")) {
                t.optimize(StudyFactory.createObjective(spec), spec.budget());
                id = t.study().id();
            }
            System.out.printf(Locale.ROOT, "ui: %d-trial Branin study, 1280 x 800 window, headless software rendering%n",
                    trials);
            for (int round = 0; round < 3; round++) {
                RunViewModel vm = onFx(() -> new RunViewModel(store, tasks));
                Stage stage = onFx(() -> show(new RunView(vm, tasks, dev.rungs.app.FilePicker.system())));
                long t0 = System.nanoTime();
                onFx(() -> {
                    vm.open(id);
                    return null;
                });
                while (!onFx(() -> vm.trials().size() == trials && vm.stateProperty().get() != null)) {
                    Thread.sleep(2);
                }
                // A snapshot renders the scene: the charts and the table are drawn by then.
                onFx(() -> stage.getScene().snapshot(null));
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "open stored study (round %d): %.3f s%n", round + 1, s);
                onFx(() -> {
                    stage.close();
                    return null;
                });
            }

            RunViewModel live = onFx(() -> new RunViewModel(store, tasks));
            Stage stage = onFx(() -> show(new RunView(live, tasks, dev.rungs.app.FilePicker.system())));
            int[] revisions = {0};
            onFx(() -> {
                live.revisionProperty().addListener(o -> revisions[0]++);
                live.startNew(spec.withName("ui-bench-live"));
                return null;
            });
            List<Double> delays = new ArrayList<>();
            long t0 = System.nanoTime();
            while (onFx(() -> live.stateProperty().get() != StudyState.FINISHED)) {
                long posted = System.nanoTime();
                CompletableFuture<Long> answered = new CompletableFuture<>();
                Platform.runLater(() -> answered.complete(System.nanoTime()));
                delays.add((answered.get(30, TimeUnit.SECONDS) - posted) / 1e6);
                Thread.sleep(20);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            Collections.sort(delays);
            System.out.printf(Locale.ROOT,
                    "live run: %d trials in %.2f s, %d view updates (%.1f per second); UI thread answered "
                            + "%d probes, median %.1f ms, 99th percentile %.1f ms, worst %.1f ms%n",
                    trials, s, revisions[0], revisions[0] / s, delays.size(), delays.get(delays.size() / 2),
                    delays.get((int) Math.min(delays.size() - 1, Math.round(delays.size() * 0.99))),
                    delays.get(delays.size() - 1));
            onFx(() -> {
                stage.close();
                return null;
            });
        } finally {
            tasks.shutdown();
            Platform.exit();
        }
    }

    private static Stage show(javafx.scene.Parent root) {
        Stage stage = new Stage();
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(RunView.class.getResource("/dev/rungs/app/rungs.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}

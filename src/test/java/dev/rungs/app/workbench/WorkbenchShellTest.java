package dev.rungs.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.AppPreferences;
import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.Notice;
import dev.rungs.app.QueuedTaskExecutor;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.TestSamples;
import dev.rungs.app.TestStudies;
import dev.rungs.app.run.RunViewModel;
import dev.rungs.app.studies.SampleSpec;
import dev.rungs.app.studies.StudyState;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench around the studies, without a toolkit (issue 11, items 2, 4, 5, 9 and the status
 * bar): what the status bar counts, what Resume and a slow open show at once, what Cancel
 * leaves, which tabs come back, which samples are offered, and the notifications.
 */
class WorkbenchShellTest {
    static final String SPEC = """
            {"name": "b", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "random"}, "budget": {"trials": 30}, "seed": 1}""";

    @TempDir
    Path dir;

    final AppPreferences prefs = AppPreferences.inMemory();
    final List<WorkbenchViewModel> made = new ArrayList<>();

    WorkbenchViewModel workbench(Path db, TaskExecutor tasks) {
        return workbench(SqliteStudyStore.open(db), db, tasks);
    }

    WorkbenchViewModel workbench(StudyStore store, Path db, TaskExecutor tasks) {
        WorkbenchViewModel vm = new WorkbenchViewModel(store, db, SqliteStudyStore::open, dir.resolve("samples"), prefs,
                tasks);
        made.add(vm);
        return vm;
    }

    @AfterEach
    void close() {
        made.forEach(WorkbenchViewModel::shutdown);
    }

    static StudySpec spec(String name, int trials) {
        return SpecReader.parse(SPEC.replace("\"b\"", "\"" + name + "\"").replace("30", Integer.toString(trials)));
    }

    // ------------------------------------------------------------------ item 4: stale state

    /** The status bar said "0 studies" while three were listed: it counted the store once, not the list. */
    @Test
    void theStudyCountFollowsTheListAsStudiesAreCreated() {
        WorkbenchViewModel vm = workbench(dir.resolve("a.db"), new ImmediateTaskExecutor());
        vm.refresh();
        assertEquals("0 studies", vm.studies().countText().get());
        for (int i = 0; i < 3; i++) {
            vm.startStudy(spec("s", 5));
        }
        assertEquals(3, vm.studies().studies().size());
        assertEquals("3 studies", vm.studies().countText().get());
        vm.studies().selectedProperty().set(vm.studies().studies().get(0));
        vm.closeRun(vm.runs().get(0));
        vm.studies().deleteSelected();
        assertEquals("2 studies", vm.studies().countText().get());
    }

    /**
     * After switching database the list said "no studies yet" while the status bar still said 5:
     * the count was the old store's until the new one had been read. Now, while it is read, both
     * say so, and then both show the new store's.
     */
    @Test
    void whileAnotherDatabaseIsReadTheListAndTheCountSayItIsBeingRead() throws Exception {
        Path first = dir.resolve("a.db");
        try (StudyStore s = SqliteStudyStore.open(first)) {
            for (int i = 0; i < 2; i++) {
                TestStudies.stoppedAfter(s, spec("o" + i, 100000), 2);
            }
        }
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        WorkbenchViewModel vm = workbench(first, tasks);
        vm.refresh();
        tasks.runAll();
        assertEquals("2 studies", vm.studies().countText().get());

        Path other = dir.resolve("other.db");
        vm.newDatabase(other);
        assertTrue(tasks.runNext(), "the file is opened");
        assertEquals(other, vm.databaseFileProperty().get());
        assertTrue(vm.studies().loadingProperty().get(), "its list is being read");
        assertEquals(List.of(), vm.studies().studies());
        assertEquals("Reading studies …", vm.studies().countText().get(), "not the old database's 2");
        tasks.runAll();
        assertFalse(vm.studies().loadingProperty().get());
        assertEquals("0 studies", vm.studies().countText().get());
    }

    /** At start the reopened tabs put their rows in the list before the store is read: no count until it is. */
    @Test
    void whileTheListIsReadTheRowsOfOpenTabsAreNotCounted() throws Exception {
        Path db = dir.resolve("a.db");
        long id;
        try (StudyStore s = SqliteStudyStore.open(db)) {
            id = TestStudies.stoppedAfter(s, spec("x", 100000), 2);
            TestStudies.stoppedAfter(s, spec("y", 100000), 2);
        }
        prefs.put(AppPreferences.openStudiesKey(db), Long.toString(id));
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        WorkbenchViewModel vm = workbench(db, tasks);
        vm.restoreOpenStudies();
        tasks.runAll();
        assertEquals("x", vm.runs().get(0).nameProperty().get(), "the tab is named from the store");
        vm.refresh();
        assertEquals(1, vm.studies().studies().size(), "the open tab's row");
        assertEquals("Reading studies …", vm.studies().countText().get(), "not \"1 study\"");
        tasks.runAll();
        assertEquals("2 studies", vm.studies().countText().get());
    }

    /**
     * Resume from the list gave no feedback while the study was read: the tab said "Study" and
     * nothing else, Resume stayed on, and a second press opened a second view. Now the tab has the
     * study's name and "Reading trials …" at once, the status bar lists the reading with a
     * Cancel, and Resume is off until the run has started.
     */
    @Test
    void resumeFromTheListSaysAtOnceWhatItDoesAndCannotBePressedTwice() throws Exception {
        Path db = dir.resolve("a.db");
        long id;
        try (StudyStore s = SqliteStudyStore.open(db)) {
            id = TestStudies.stoppedAfter(s, spec("b", 30), 5);
        }
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        WorkbenchViewModel vm = workbench(db, tasks);
        vm.refresh();
        tasks.runAll();
        vm.studies().selectedProperty().set(vm.studies().studies().get(0));
        assertTrue(vm.studies().canResumeProperty().get());

        vm.studies().resumeSelected();
        RunViewModel run = (RunViewModel) vm.focusProperty().get();
        assertEquals("b", run.nameProperty().get(), "the tab's name, before anything is read");
        assertTrue(run.openingProperty().get());
        assertEquals("Reading trials …", run.progressTextProperty().get());
        assertEquals("Resuming b: reading its trials …", run.statusProperty().get());
        assertEquals(List.of("Resuming b"), vm.backgroundTasks().stream().map(h -> h.title()).toList());
        assertFalse(vm.studies().canResumeProperty().get(), "pressing Resume again would start a second run");
        vm.studies().resumeSelected(); // Ctrl+R reaches it anyway
        vm.resumeStudy(id);
        assertEquals(1, vm.runs().size(), "the same view, not a second one");

        tasks.runAll();
        assertEquals(StudyState.FINISHED, run.stateProperty().get());
        assertEquals(30, run.summaryProperty().get().trials());
        assertEquals(List.of(), vm.backgroundTasks());
    }

    // ------------------------------------------------------------------ item 9: opening a large study

    /** The person cancels while the trials are read: the tab goes, as if it had never opened. */
    @Test
    void aCancelledOpenLeavesNoHalfOpenTab() throws Exception {
        Path db = dir.resolve("a.db");
        long id;
        try (StudyStore s = SqliteStudyStore.open(db)) {
            id = TestStudies.stoppedAfter(s, spec("big", 100000), 50);
        }
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        List<WorkbenchViewModel> holder = new ArrayList<>();
        // The store's read of the trials is where the person presses Cancel in the status bar.
        AtomicBoolean armed = new AtomicBoolean();
        StudyStore store = cancelling(SqliteStudyStore.open(db), armed,
                () -> holder.get(0).backgroundTasks().get(0).cancel());
        WorkbenchViewModel vm = workbench(store, db, tasks);
        holder.add(vm);
        vm.refresh();
        tasks.runAll();

        armed.set(true);
        vm.openStudy(id);
        RunViewModel run = (RunViewModel) vm.focusProperty().get();
        assertEquals("Opening big", vm.backgroundTasks().get(0).title());
        tasks.runAll();
        assertEquals(List.of(), vm.runs(), "no tab left");
        assertNull(vm.focusProperty().get(), "the study list is in front again");
        assertEquals(0, run.trials().size(), "nothing of the study was shown");
        assertNull(run.errorProperty().get(), "a cancel is no error");
        assertEquals(List.of(), vm.backgroundTasks());
        assertEquals("", prefs.get(AppPreferences.openStudiesKey(db)).orElse(""), "not remembered as open");

        vm.openStudy(id); // and it opens fine next time
        tasks.runAll();
        assertEquals(1, vm.runs().size());
    }

    /** A store whose {@code trials} runs {@code during} first, once, after {@code armed} was set. */
    static StudyStore cancelling(StudyStore real, AtomicBoolean armed, Runnable during) {
        return (StudyStore) Proxy.newProxyInstance(StudyStore.class.getClassLoader(), new Class<?>[] {StudyStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("trials") && armed.getAndSet(false)) {
                        during.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    // ------------------------------------------------------------------ item 9: tabs come back

    @Test
    void openStudyTabsComeBackInAFreshWorkbenchAndADeletedOneIsSkipped() throws Exception {
        Path db = dir.resolve("a.db");
        WorkbenchViewModel first = workbench(db, new ImmediateTaskExecutor());
        first.refresh();
        long a = first.startStudy(spec("a", 5)).studyIdProperty().get();
        long b = first.startStudy(spec("b", 5)).studyIdProperty().get();
        long c = first.startStudy(spec("c", 5)).studyIdProperty().get();
        first.closeRun(first.runs().get(1)); // b's tab closed: not to come back
        first.shutdown();
        made.remove(first);

        try (StudyStore s = SqliteStudyStore.open(db)) {
            s.deleteStudy(c); // deleted meanwhile, by the command line say
        }
        WorkbenchViewModel again = workbench(db, new ImmediateTaskExecutor());
        again.restoreOpenStudies(); // as the app does, while the list is still being read
        again.refresh();
        assertEquals(List.of(a), again.runs().stream().map(r -> r.studyIdProperty().get()).toList());
        assertEquals("a-1", again.runs().get(0).nameProperty().get());
        assertTrue(again.statusProperty().get().endsWith("1 study tab was not reopened: deleted meanwhile"),
                again.statusProperty().get());
        assertNull(again.focusProperty().get(), "the list stays in front");
        assertEquals(again.store().study(a).orElseThrow().created(), again.studies().studies().get(0).started(),
                "the row of a reopened tab has the study's own creation time");
        assertTrue(b >= 0);
    }

    @Test
    void eachDatabaseRemembersItsOwnTabs() {
        Path one = dir.resolve("one.db");
        Path two = dir.resolve("two.db");
        WorkbenchViewModel vm = workbench(one, new ImmediateTaskExecutor());
        vm.refresh();
        long a = vm.startStudy(spec("a", 5)).studyIdProperty().get();
        vm.newDatabase(two);
        assertEquals(0, vm.runs().size());
        vm.startStudy(spec("z", 5));
        vm.openDatabase(one);
        assertEquals(List.of(a), vm.runs().stream().map(r -> r.studyIdProperty().get()).toList(),
                "switching away did not forget one.db's tab");
    }

    // ------------------------------------------------------------------ item 2: open and new database

    @Test
    void openDatabaseOpensAnExistingFileAndRefusesAMissingOne() throws Exception {
        Path existing = dir.resolve("existing.db");
        try (StudyStore s = SqliteStudyStore.open(existing)) {
            TestStudies.stoppedAfter(s, spec("kept", 100000), 2);
        }
        WorkbenchViewModel vm = workbench(dir.resolve("a.db"), new ImmediateTaskExecutor());
        vm.refresh();
        vm.openDatabase(existing);
        assertNull(vm.errorProperty().get());
        assertEquals(existing, vm.databaseFileProperty().get());
        assertEquals(List.of("kept"), vm.studies().studies().stream().map(r -> r.name()).toList());

        Path missing = dir.resolve("missing.db");
        vm.openDatabase(missing);
        assertEquals("Cannot open the database " + missing, vm.errorProperty().get().heading());
        assertTrue(vm.errorProperty().get().message().contains("New database"), vm.errorProperty().get().message());
        assertFalse(Files.exists(missing), "open creates nothing");
        assertEquals(existing, vm.databaseFileProperty().get());
    }

    @Test
    void newDatabaseNeverReplacesAFile() throws Exception {
        Path existing = dir.resolve("existing.db");
        try (StudyStore s = SqliteStudyStore.open(existing)) {
            TestStudies.stoppedAfter(s, spec("kept", 100000), 2);
        }
        byte[] before = Files.readAllBytes(existing);
        WorkbenchViewModel vm = workbench(dir.resolve("a.db"), new ImmediateTaskExecutor());
        vm.newDatabase(existing);
        assertEquals("Cannot create the database " + existing, vm.errorProperty().get().heading());
        assertTrue(vm.errorProperty().get().message().contains("Open database"), vm.errorProperty().get().message());
        assertEquals(dir.resolve("a.db"), vm.databaseFileProperty().get());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(existing)));
    }

    // ------------------------------------------------------------------ item 5: samples

    @Test
    void onlySamplesWhoseSpecReadsAndWhoseMethodsExistAreOffered() {
        TestSamples.copy(dir.resolve("samples"), "branin-random", "bad-sampler");
        WorkbenchViewModel vm = workbench(dir.resolve("a.db"), new ImmediateTaskExecutor());
        vm.refresh();
        assertEquals(List.of("branin-random"), vm.samples().stream().map(SampleSpec::name).toList());
        assertEquals(1, vm.unavailableSamples().size());
        assertTrue(vm.unavailableSamples().get(0).startsWith("bad-sampler: "), vm.unavailableSamples().get(0));
        assertTrue(vm.unavailableSamples().get(0).contains("unknown sampler \"annealing\""),
                vm.unavailableSamples().get(0));
    }

    /** The project's own samples: none offered that this build cannot run (the PBT one, today). */
    @Test
    void theProjectSamplesOfferedAllRead() {
        WorkbenchViewModel vm = new WorkbenchViewModel(SqliteStudyStore.open(dir.resolve("a.db")), dir.resolve("a.db"),
                SqliteStudyStore::open, Path.of("sample-projects"), prefs, new ImmediateTaskExecutor());
        made.add(vm);
        vm.refresh();
        assertFalse(vm.samples().isEmpty());
        for (SampleSpec s : vm.samples()) {
            assertTrue(s.problem().isEmpty(), s.name());
        }
        assertTrue(vm.samples().stream().noneMatch(s -> s.name().equals("synthetic-mlp-pbt")),
                "PBT is not built yet: " + vm.unavailableSamples());
    }

    // ------------------------------------------------------------------ notifications and the status bar

    @Test
    void aFinishedStudyAndAnExportAreNotified() {
        WorkbenchViewModel vm = workbench(dir.resolve("a.db"), new ImmediateTaskExecutor());
        List<Notice> shown = new ArrayList<>();
        vm.noticeProperty().addListener((o, old, n) -> shown.add(n));
        RunViewModel run = vm.startStudy(spec("b", 12));
        assertEquals(1, shown.size());
        assertEquals("b-1 finished", shown.get(0).title());
        assertTrue(shown.get(0).text().startsWith("12 of 12 trials · best "), shown.get(0).text());
        assertTrue(shown.get(0).text().endsWith("trial budget reached (12)"), shown.get(0).text());

        Path csv = dir.resolve("b.csv");
        run.exportCsv(csv);
        run.exportCsv(csv); // the same again is a second notification
        assertEquals(3, shown.size());
        assertEquals(csv.toString(), shown.get(2).text());
        assertNotNull(shown.get(1));
        assertTrue(shown.get(1) != shown.get(2));

        Path png = dir.resolve("history.png");
        run.notifyExported(png);
        assertEquals(png.toString(), shown.get(3).text());
        assertEquals("Exported to " + png, run.statusProperty().get());
    }

    @Test
    void aStudyStoppedByThePersonIsNotNotified() throws Exception {
        WorkbenchViewModel vm = workbench(dir.resolve("a.db"), new ImmediateTaskExecutor());
        List<Notice> shown = new ArrayList<>();
        vm.noticeProperty().addListener((o, old, n) -> shown.add(n));
        RunViewModel run = vm.startStudy(spec("b", 5));
        run.stop(); // ended already: nothing to stop
        assertEquals(1, shown.size());
    }

    /** The status bar follows the running study: its line moves with the run and clears once it ends. */
    @Test
    void theStatusBarFollowsTheRunningStudy() {
        WorkbenchViewModel vm = workbench(dir.resolve("a.db"), new ImmediateTaskExecutor());
        List<String> lines = new ArrayList<>();
        List<Double> bars = new ArrayList<>();
        RunInStatusBar bar = vm.runInStatusBar();
        bar.textProperty().addListener((o, old, t) -> lines.add(t));
        bar.progressProperty().addListener((o, old, p) -> bars.add(p.doubleValue()));
        RunViewModel run = vm.startStudy(spec("b", 200));
        assertTrue(lines.stream().anyMatch(l -> l.matches("b-1 · \\d+ of 200 trials.* · best .*")), lines.toString());
        assertTrue(bars.stream().anyMatch(p -> p > 0 && p < 1), bars.toString());
        assertNull(bar.runProperty().get(), "none runs now");
        assertEquals("", bar.textProperty().get());
        assertSame(StudyState.FINISHED, run.stateProperty().get());
    }
}

package dev.rungs.app.newstudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.objective.command.CommandObjective.ParamsAs;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external-command part of the New study form without a toolkit: fields, rules, spec, test run. */
class CommandStepViewModelTest {
    final NewStudyViewModel vm = new NewStudyViewModel(new ImmediateTaskExecutor());
    final CommandStepViewModel step = vm.commandStep();

    @TempDir
    Path dir;

    @BeforeEach
    void commandKind() {
        vm.objectiveKindProperty().set(ObjectiveKind.COMMAND);
    }

    @Test
    void aFreshCommandStepStartsWithOneExampleParameterAndAsksForTheCommand() {
        assertEquals(1, vm.params().size());
        assertEquals("lr", vm.params().get(0).name());
        assertEquals(Direction.MINIMIZE, vm.directionProperty().get());
        assertEquals("type the command to run, such as python3 train.py",
                vm.fieldErrorProperty(FormField.COMMAND_LINE).get());
        assertFalse(vm.canCreateProperty().get());
        assertEquals(System.getProperty("user.home"), step.workdirProperty().get());
    }

    @Test
    void theSpecCarriesTheSplitCommandAndTheAbsoluteFolder() {
        step.commandLineProperty().set("python3 \"my train.py\" --epochs 3");
        step.workdirProperty().set(dir.toString());
        step.timeoutProperty().set("30");
        step.paramsAsProperty(ParamsAs.ENV).set(false);

        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals("command", spec.objective().type());
        Map<String, Object> o = spec.objective().options();
        assertEquals(List.of("python3", "my train.py", "--epochs", "3"), o.get("command"));
        assertEquals(dir.toAbsolutePath().toString(), o.get("workdir"));
        assertEquals(30.0, o.get("timeout_seconds"));
        assertEquals(List.of("args", "json"), o.get("params_as"));
        assertEquals("my train-tpe", vm.nameProperty().get(), "the name follows the script");
    }

    @Test
    void theNameFollowsTheScriptOrElseTheProgram() {
        step.commandLineProperty().set("./scripts/fit.sh --rate 0.5");
        assertEquals("fit-tpe", vm.nameProperty().get());
        step.commandLineProperty().set("python3 -c 'import sys; print(\"x\", file=sys.stderr)'");
        assertEquals("python3-tpe", vm.nameProperty().get(), "an inline script is no name");
        step.commandLineProperty().set("trainer --epochs 3");
        assertEquals("trainer-tpe", vm.nameProperty().get());
    }

    @Test
    void badFieldsAreNamedAtTheField() throws Exception {
        step.commandLineProperty().set("python3 'train.py");
        assertEquals("a single quote (') is not closed", vm.fieldErrorProperty(FormField.COMMAND_LINE).get());
        step.commandLineProperty().set("   ");
        assertEquals("type the command to run, such as python3 train.py",
                vm.fieldErrorProperty(FormField.COMMAND_LINE).get());
        step.commandLineProperty().set("python3 train.py");
        assertNull(vm.fieldErrorProperty(FormField.COMMAND_LINE).get());

        step.timeoutProperty().set("-5");
        assertEquals("must be a positive number of seconds (leave it blank for none)",
                vm.fieldErrorProperty(FormField.COMMAND_TIMEOUT).get());
        step.timeoutProperty().set("soon");
        assertEquals("must be a number of seconds, got 'soon' (leave it blank for none)",
                vm.fieldErrorProperty(FormField.COMMAND_TIMEOUT).get());
        step.timeoutProperty().set("");
        assertNull(vm.fieldErrorProperty(FormField.COMMAND_TIMEOUT).get(), "blank is no limit");

        Path missing = dir.resolve("nowhere");
        step.workdirProperty().set(missing.toString());
        assertEquals("the folder " + missing + " does not exist", vm.fieldErrorProperty(FormField.COMMAND_WORKDIR).get());
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        step.workdirProperty().set(file.toString());
        assertEquals(file + " is a file, not a folder", vm.fieldErrorProperty(FormField.COMMAND_WORKDIR).get());
        step.workdirProperty().set("");
        assertEquals("choose the folder the command runs in", vm.fieldErrorProperty(FormField.COMMAND_WORKDIR).get());
        assertTrue(vm.problems().contains("Working folder: choose the folder the command runs in"));
        step.workdirProperty().set(dir.toString());

        for (ParamsAs way : ParamsAs.values()) {
            step.paramsAsProperty(way).set(false);
        }
        assertEquals("choose at least one way to hand the parameters over",
                vm.fieldErrorProperty(FormField.COMMAND_PARAMS_AS).get());
        assertFalse(vm.canCreateProperty().get());
        step.paramsAsProperty(ParamsAs.JSON).set(true);
        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());
    }

    @Test
    void aCommandTakesWhateverParametersTheSpaceDefines() {
        step.commandLineProperty().set("python3 train.py");
        step.workdirProperty().set(dir.toString());
        vm.params().get(0).nameProperty().set("width");
        vm.space().add();

        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());
        vm.space().remove(vm.params().get(1));
        vm.space().remove(vm.params().get(0));
        assertEquals("add at least one parameter", vm.fieldErrorProperty(FormField.PARAMETERS).get());
    }

    @Test
    void aTestRunShowsTheReportsAndTheFinalValue() throws Exception {
        Files.writeString(dir.resolve("report.py"), """
                import json, os, sys
                lr = [a for a in sys.argv if a.startswith("--lr=")][0]
                print("warming up")
                print(json.dumps({"step": 1, "value": 0.5}))
                print(json.dumps({"step": 2, "value": 0.25}))
                print(json.dumps({"value": float(lr[5:]) * 100}))
                """);
        step.commandLineProperty().set("python3 report.py");
        step.workdirProperty().set(dir.toString());

        vm.testRunCommand();

        String result = step.testRun().resultProperty().get();
        assertFalse(step.testRun().failedProperty().get(), result);
        assertFalse(step.testRun().runningProperty().get());
        // lr runs from 1e-4 to 0.1 on a log scale: its middle is their geometric mean, 0.00316...
        assertTrue(result.startsWith("Value 0.316"), result);
        assertTrue(result.contains("with lr=0.00316"), result);
        assertTrue(result.endsWith("2 reports: step 1 → 0.5, step 2 → 0.25."), result);
    }

    @Test
    void aFailingTestRunShowsTheEndOfItsStandardError() throws Exception {
        Files.writeString(dir.resolve("broken.py"), """
                import sys
                print('{"step": 1, "value": 0.9}')
                print("Traceback (most recent call last):", file=sys.stderr)
                print("ValueError: width must be even", file=sys.stderr)
                sys.exit(3)
                """);
        step.commandLineProperty().set("python3 broken.py");
        step.workdirProperty().set(dir.toString());

        vm.testRunCommand();

        String result = step.testRun().resultProperty().get();
        assertTrue(step.testRun().failedProperty().get());
        assertTrue(result.startsWith("Failed with lr=0.00316"), result);
        assertTrue(result.contains("command exited with status 3; stderr ends with:\n"
                + "Traceback (most recent call last):\nValueError: width must be even"), result);
    }

    @Test
    void aCancelledTestRunEndsTheCommandAndWhatItStartedAndShowsNoOutcome() throws Exception {
        Files.writeString(dir.resolve("slow.py"), """
                import json, os, subprocess, time
                child = subprocess.Popen(["sleep", "60"])
                with open("pids.tmp", "w") as f:
                    f.write("%d %d" % (os.getpid(), child.pid))
                os.rename("pids.tmp", "pids.txt")
                print(json.dumps({"step": 1, "value": 0.5}), flush=True)
                time.sleep(60)
                print(json.dumps({"value": 1.0}))
                """);
        ThreadedTaskExecutor tasks = new ThreadedTaskExecutor();
        try {
            NewStudyViewModel form = tasks.onUi(() -> new NewStudyViewModel(tasks));
            CommandTestRun run = tasks.onUi(() -> {
                form.objectiveKindProperty().set(ObjectiveKind.COMMAND);
                form.commandStep().commandLineProperty().set("python3 slow.py");
                form.commandStep().workdirProperty().set(dir.toString());
                form.testRunCommand();
                return form.commandStep().testRun();
            });
            assertTrue(tasks.onUi(() -> run.runningProperty().get()));
            Path pids = dir.resolve("pids.txt");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!tasks.onUi(() -> run.resultProperty().get().contains("reported step 1"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(tasks.onUi(() -> run.resultProperty().get()).contains("reported step 1"),
                    "the report is shown while the command runs");
            List<ProcessHandle> processes = new java.util.ArrayList<>();
            for (String pid : Files.readString(pids).trim().split(" ")) {
                processes.add(ProcessHandle.of(Long.parseLong(pid)).orElseThrow());
            }

            tasks.onUi(() -> {
                run.cancel();
                return null;
            });

            assertFalse(tasks.onUi(() -> run.runningProperty().get()));
            assertTrue(tasks.awaitWorkers(java.time.Duration.ofSeconds(15)), "the test run's thread ended");
            for (ProcessHandle p : processes) {
                long until = System.nanoTime() + 10_000_000_000L;
                while (p.isAlive() && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertFalse(p.isAlive(), "process " + p.pid() + " is still running");
            }
            assertEquals("Test run with lr=0.00316228 cancelled.", tasks.onUi(() -> run.resultProperty().get()));
            assertFalse(tasks.onUi(() -> run.failedProperty().get()), "a cancel is not a failure");
        } finally {
            tasks.shutdown();
        }
    }

    @Test
    void aTestRunNeedsAFormWithoutProblems() {
        vm.testRunCommand();

        assertTrue(step.testRun().failedProperty().get());
        assertEquals("Fix the problems listed below first; the test run uses the whole form.",
                step.testRun().resultProperty().get());
    }

    @Test
    void saveThenLoadRoundTripsACommandSpec() throws Exception {
        step.commandLineProperty().set("python3 'it''s.py' --fast");
        step.workdirProperty().set(dir.toString());
        step.timeoutProperty().set("12.5");
        step.paramsAsProperty(ParamsAs.ARGS).set(false);
        vm.params().get(0).nameProperty().set("rate");
        StudySpec saved = vm.toSpec().orElseThrow();
        Path file = dir.resolve("command.json");
        vm.saveTo(file);

        NewStudyViewModel other = new NewStudyViewModel(new ImmediateTaskExecutor());
        other.loadFrom(file);

        assertNull(other.specFiles().errorProperty().get());
        CommandStepViewModel loaded = other.commandStep();
        assertEquals(ObjectiveKind.COMMAND, other.objectiveKindProperty().get());
        assertEquals("python3 its.py --fast", loaded.commandLineProperty().get());
        assertEquals(dir.toAbsolutePath().toString(), loaded.workdirProperty().get());
        assertEquals("12.5", loaded.timeoutProperty().get());
        assertFalse(loaded.paramsAsProperty(ParamsAs.ARGS).get());
        assertTrue(loaded.paramsAsProperty(ParamsAs.ENV).get());
        assertEquals("rate", other.params().get(0).name());
        assertEquals(saved, other.toSpec().orElseThrow());
    }

    @Test
    void theSampleCommandSpecFillsTheCommandStep() {
        vm.loadFrom(Path.of("sample-projects/python-command/spec.json"));

        assertNull(vm.specFiles().errorProperty().get());
        assertEquals("python3 train.py", step.commandLineProperty().get());
        assertEquals(Path.of("sample-projects/python-command").toAbsolutePath().toString(),
                step.workdirProperty().get());
        assertEquals("60", step.timeoutProperty().get());
        assertEquals(List.of(false, false, true), List.of(step.paramsAsProperty(ParamsAs.ARGS).get(),
                step.paramsAsProperty(ParamsAs.ENV).get(), step.paramsAsProperty(ParamsAs.JSON).get()));
        assertEquals(List.of(), vm.problems());
    }

    @Test
    void commandLinesSplitLikeAShell() {
        assertEquals(List.of("python3", "train.py", "--name=a b", "it's", "x\"y", "a\\b"),
                CommandLines.split("  python3 train.py \"--name=a b\" 'it'\\''s' \"x\\\"y\" a\\\\b "));
        assertEquals(List.of(), CommandLines.split("   "));
        assertEquals(List.of(""), CommandLines.split("''"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandLines.split("echo \"open"));
        assertEquals("a double quote (\") is not closed", e.getMessage());
        List<String> words = List.of("run", "my file.py", "it's", "", "a\\b");
        assertEquals(words, CommandLines.split(CommandLines.join(words)));
    }
}

package dev.rungs.app.workbench;

import dev.rungs.app.Dialogs;
import dev.rungs.app.FilePicker;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.newstudy.NewStudyView;
import dev.rungs.app.about.AboutView;
import dev.rungs.app.about.AboutViewModel;
import dev.rungs.app.charts.ChartBox;
import dev.rungs.app.run.RunView;
import dev.rungs.app.run.RunViewModel;
import dev.rungs.app.studies.SampleSpec;
import dev.rungs.app.studies.StudiesView;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

/**
 * The main window's content: the menu bar with the keyboard shortcuts, a tab for the study
 * list and one per open study, and the status bar; and the notifications the view model asks for.
 */
public final class WorkbenchView extends BorderPane {
    private final WorkbenchViewModel viewModel;
    private final TaskExecutor tasks;
    private final FilePicker files;
    private final TabPane tabs = new TabPane();
    private final Tab studiesTab = new Tab("Studies");
    private final Tab newStudyTab = new Tab("New study");
    private final Map<RunViewModel, Tab> runTabs = new HashMap<>();
    private final Menu samplesMenu = new Menu("New from sample");

    /**
     * @param viewModel the workbench shown; its executor is handed to the features that compute in the background
     * @param files asks for files to open and save
     */
    public WorkbenchView(WorkbenchViewModel viewModel, FilePicker files) {
        this(viewModel, files, Notifier.controlsFx());
    }

    /** As {@link #WorkbenchView(WorkbenchViewModel, FilePicker)}, notifying through {@code notifier}. */
    public WorkbenchView(WorkbenchViewModel viewModel, FilePicker files, Notifier notifier) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.tasks = viewModel.tasks();
        this.files = Objects.requireNonNull(files, "files");
        Objects.requireNonNull(notifier, "notifier");
        getStyleClass().add("workbench");
        setTop(menus());
        setCenter(tabs());
        setBottom(new WorkbenchStatusBar(viewModel));
        viewModel.errorProperty().addListener((o, old, report) -> {
            if (report != null) {
                Dialogs.showError(this, report, viewModel::clearError);
            }
        });
        viewModel.noticeProperty().addListener((o, old, notice) -> {
            Window window = getScene() == null ? null : getScene().getWindow();
            // A notification needs a window to belong to; before there is one, the status line says it.
            if (notice != null && window != null && window.isShowing()) {
                notifier.show(window, notice);
            }
        });
    }

    // ------------------------------------------------------------------ menus and shortcuts

    private MenuBar menus() {
        samplesMenu.setId("samplesMenu");
        viewModel.samples().addListener((ListChangeListener<SampleSpec>) c -> fillSamples());
        viewModel.unavailableSamples().addListener((ListChangeListener<String>) c -> fillSamples());
        fillSamples();

        MenuItem newStudy = item("newStudyItem", "New study…", "Shortcut+N", viewModel::showNewStudy);
        MenuItem openSpec = item("openSpecItem", "New study from spec file…", "Shortcut+O", () -> files.openFile(
                getScene() == null ? null : getScene().getWindow(), "Open a study spec", "Study specs", "json")
                .ifPresent(viewModel::newStudyFrom));
        MenuItem openDb = item("openDatabaseItem", "Open database…", "Shortcut+Shift+O", this::chooseDatabase);
        MenuItem newDb = item("newDatabaseItem", "New database…", "Shortcut+Shift+N", this::chooseNewDatabase);
        MenuItem exportCsv = item("exportCsvItem", "Export trials as CSV…", "Shortcut+E",
                () -> withRun(RunView::exportCsv));
        MenuItem exportPng = item("exportPngItem", "Export chart as PNG…", "Shortcut+Shift+E",
                () -> withRun(run -> run.exportChart(ChartBox.Format.PNG)));
        MenuItem exportSvg = item("exportSvgItem", "Export chart as SVG…", null,
                () -> withRun(run -> run.exportChart(ChartBox.Format.SVG)));
        BooleanBinding noRun = Bindings.createBooleanBinding(() -> !(viewModel.focusProperty().get() instanceof RunViewModel),
                viewModel.focusProperty());
        exportCsv.disableProperty().bind(noRun);
        exportPng.disableProperty().bind(noRun);
        exportSvg.disableProperty().bind(noRun);
        MenuItem quit = item("quitItem", "Quit", "Shortcut+Q", Platform::exit);
        Menu file = new Menu("File", null, newStudy, openSpec, samplesMenu, new SeparatorMenuItem(), openDb, newDb,
                new SeparatorMenuItem(), exportCsv, exportPng, exportSvg, new SeparatorMenuItem(), quit);
        file.setId("fileMenu");

        MenuItem list = item("showStudiesItem", "Study list", "Shortcut+1", viewModel::showStudies);
        MenuItem resume = item("resumeItem", "Resume", "Shortcut+R", () -> {
            if (viewModel.focusProperty().get() instanceof RunViewModel run) {
                run.resume();
            } else {
                viewModel.studies().resumeSelected();
            }
        });
        MenuItem stop = item("stopItem", "Stop", "Shortcut+PERIOD", () -> {
            if (viewModel.focusProperty().get() instanceof RunViewModel run) {
                run.stop();
            } else {
                viewModel.studies().stopSelected();
            }
        });
        MenuItem close = item("closeTabItem", "Close study tab", "Shortcut+W", () -> {
            if (viewModel.focusProperty().get() instanceof RunViewModel run) {
                closeRun(run);
            }
        });
        MenuItem reload = item("reloadItem", "Reload", "F5", viewModel::refresh);
        Menu study = new Menu("Study", null, list, resume, stop, close, new SeparatorMenuItem(), reload);
        study.setId("studyMenu");

        MenuItem about = new MenuItem("About Rungs");
        about.setId("aboutItem");
        about.setOnAction(e -> new AboutView(new AboutViewModel(), getScene().getWindow()).showAndWait());
        Menu help = new Menu("Help", null, about);
        help.setId("helpMenu");

        MenuBar bar = new MenuBar(file, study, help);
        bar.setId("menuBar");
        return bar;
    }

    /** A menu item with a shortcut such as {@code Shortcut+Shift+O} (Ctrl on Linux and Windows, Cmd on macOS). */
    public static MenuItem item(String id, String text, String shortcut, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (shortcut != null) {
            m.setAccelerator(KeyCombination.valueOf(shortcut));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void fillSamples() {
        samplesMenu.getItems().clear();
        for (SampleSpec s : viewModel.samples()) {
            MenuItem m = new MenuItem(s.name());
            m.setId("sample-" + s.name());
            m.setOnAction(e -> viewModel.newStudyFrom(s.specFile()));
            samplesMenu.getItems().add(m);
        }
        boolean any = !samplesMenu.getItems().isEmpty();
        // Samples this build cannot run are not offered; these lines say which and why.
        if (!viewModel.unavailableSamples().isEmpty() && any) {
            samplesMenu.getItems().add(new SeparatorMenuItem());
        }
        for (String why : viewModel.unavailableSamples()) {
            MenuItem m = new MenuItem("Not offered: " + (why.length() <= 90 ? why : why.substring(0, 89) + "…"));
            m.getStyleClass().add("unavailable-sample");
            m.setDisable(true);
            samplesMenu.getItems().add(m);
        }
        samplesMenu.setDisable(!any);
    }

    /** An open dialog: only an existing file can be chosen, and nothing asks to replace it. */
    private void chooseDatabase() {
        files.openFile(window(), "Open a Rungs database", "Rungs databases", "db").ifPresent(viewModel::openDatabase);
    }

    /** A save dialog for a file that does not exist yet; the view model refuses an existing one. */
    private void chooseNewDatabase() {
        files.saveFile(window(), "New Rungs database", "rungs.db", "Rungs databases", "db")
                .ifPresent(viewModel::newDatabase);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void withRun(Consumer<RunView> action) {
        if (viewModel.focusProperty().get() instanceof RunViewModel run) {
            Tab tab = runTabs.get(run);
            if (tab != null) {
                action.accept((RunView) tab.getContent());
            }
        }
    }

    // ------------------------------------------------------------------ tabs

    private TabPane tabs() {
        studiesTab.setId("studiesTab");
        studiesTab.setClosable(false);
        studiesTab.setContent(new StudiesView(viewModel.studies()));
        newStudyTab.setId("newStudyTab");
        newStudyTab.setUserData(viewModel.newStudy());
        newStudyTab.setContent(new NewStudyView(viewModel.newStudy(), files));
        newStudyTab.setOnClosed(e -> viewModel.showStudies());
        tabs.setId("workbenchTabs");
        tabs.getTabs().add(studiesTab);
        viewModel.runs().addListener((ListChangeListener<RunViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeTab);
                c.getAddedSubList().forEach(this::addTab);
            }
        });
        viewModel.runs().forEach(this::addTab);
        viewModel.focusProperty().addListener((o, old, f) -> select(f));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, tab) -> {
            Object content = tab == null ? null : tab.getUserData();
            if (content instanceof RunViewModel run) {
                viewModel.focus(run);
            } else if (content == viewModel.newStudy()) {
                viewModel.showNewStudy();
            } else {
                viewModel.showStudies();
            }
        });
        return tabs;
    }

    private void addTab(RunViewModel run) {
        Tab tab = new Tab();
        tab.setUserData(run);
        tab.textProperty().bind(Bindings.createStringBinding(
                () -> run.nameProperty().get().isEmpty() ? "Study" : run.nameProperty().get(), run.nameProperty()));
        tab.setContent(new RunView(run, tasks, files));
        tab.setOnCloseRequest(e -> {
            e.consume();
            closeRun(run);
        });
        runTabs.put(run, tab);
        tabs.getTabs().add(tab);
    }

    private void closeRun(RunViewModel run) {
        if (run.runningProperty().get() && !Dialogs.confirm(this, "Stop " + run.nameProperty().get() + " and close it?",
                "The run stops; trials running now are paused and can be resumed later.", "Stop and close")) {
            return;
        }
        viewModel.closeRun(run);
    }

    private void removeTab(RunViewModel run) {
        Tab tab = runTabs.remove(run);
        if (tab != null) {
            tabs.getTabs().remove(tab);
        }
    }

    private void select(Object focus) {
        if (focus == viewModel.newStudy() && !tabs.getTabs().contains(newStudyTab)) {
            tabs.getTabs().add(1, newStudyTab);
        }
        Tab tab = focus instanceof RunViewModel run ? runTabs.get(run) : focus == viewModel.newStudy() ? newStudyTab
                : studiesTab;
        if (tab != null && tabs.getSelectionModel().getSelectedItem() != tab) {
            tabs.getSelectionModel().select(tab);
        }
    }
}

package dev.rungs.app.studies;

import dev.rungs.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A sample study the workbench offers to run: a folder holding a {@code spec.json}.
 *
 * @param name the folder's name, shown in the sample chooser
 * @param specFile the spec file
 */
public record SampleSpec(String name, Path specFile) {
    /** The file each sample folder must hold. */
    public static final String SPEC_FILE = "spec.json";

    public SampleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specFile, "specFile");
    }

    /**
     * The samples in {@code folder}: every direct sub-folder with a {@code spec.json}, by name.
     * A missing folder has no samples; that is not an error, since a workbench started
     * elsewhere than the project folder simply has none to offer.
     */
    public static List<SampleSpec> findIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<SampleSpec> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path dir : (Iterable<Path>) children::iterator) {
                Path spec = dir.resolve(SPEC_FILE);
                if (Files.isDirectory(dir) && Files.isRegularFile(spec)) {
                    found.add(new SampleSpec(dir.getFileName().toString(), spec));
                }
            }
        }
        found.sort(Comparator.comparing(SampleSpec::name));
        return List.copyOf(found);
    }

    /**
     * Why this build cannot run the sample, or empty when it can: its spec must read, and so
     * name only methods {@code spec.Methods} has (a sample written for a method still to come is
     * then not offered) and data that are there. Reads the spec, and a dataset objective's file:
     * call it in the background.
     */
    public Optional<String> problem() {
        try {
            SpecReader.parse(Files.readString(specFile), specFile.toAbsolutePath().getParent());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot read " + specFile + ": " + e.getMessage());
        } catch (RuntimeException e) { // a SpecException, or a method that refuses its settings
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Samples sorted into those this build can run and those it cannot.
     *
     * @param offered the samples to offer, by name
     * @param unavailable the others, each as {@code name: why}
     */
    public record Choice(List<SampleSpec> offered, List<String> unavailable) {
    }

    /** Sorts {@code found} by {@link #problem()}: reads every spec, so in the background. */
    public static Choice sort(List<SampleSpec> found) {
        List<SampleSpec> offered = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (SampleSpec s : found) {
            s.problem().ifPresentOrElse(why -> unavailable.add(s.name() + ": " + why), () -> offered.add(s));
        }
        return new Choice(List.copyOf(offered), List.copyOf(unavailable));
    }

    @Override
    public String toString() {
        return name;
    }
}

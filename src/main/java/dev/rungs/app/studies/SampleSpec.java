package dev.rungs.app.studies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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

    @Override
    public String toString() {
        return name;
    }
}

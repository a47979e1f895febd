package dev.rungs.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lays out a samples folder from the test specs in {@code src/test/resources/dev/rungs/app/samples}. */
public final class TestSamples {
    private TestSamples() {
    }

    /** Copies the named samples ({@code name/spec.json}) into {@code folder} and returns it. */
    public static Path copy(Path folder, String... names) {
        try {
            for (String name : names) {
                Path dir = Files.createDirectories(folder.resolve(name));
                try (InputStream in = TestSamples.class.getResourceAsStream("samples/" + name + "/spec.json")) {
                    if (in == null) {
                        throw new IllegalArgumentException("no test sample " + name);
                    }
                    Files.copy(in, dir.resolve("spec.json"));
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

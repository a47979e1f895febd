package dev.rungs.objective.ml;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** What the dataset reader's tests share: writing a CSV text to a fresh folder and reading it. */
abstract class DatasetFiles {
    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(byte[] bytes) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.write(f, bytes);
        return f;
    }

    Dataset load(String text, DatasetLoader.Options o) throws IOException {
        return DatasetLoader.load(write(text), o);
    }

    Dataset load(String text) throws IOException {
        return load(text, DatasetLoader.Options.defaults());
    }

    /** Loading fails, and the message (returned) contains every one of {@code parts}. */
    String fails(String text, DatasetLoader.Options o, String... parts) throws IOException {
        Path f = write(text);
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(f, o));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message \"" + e.getMessage() + "\" should contain \"" + p + "\"");
        }
        return e.getMessage();
    }

    String fails(String text, String... parts) throws IOException {
        return fails(text, DatasetLoader.Options.defaults(), parts);
    }
}

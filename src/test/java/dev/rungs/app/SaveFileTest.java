package dev.rungs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports replace a file whole or not at all. */
class SaveFileTest {
    @TempDir
    Path dir;

    List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteReplacesTheOldFileAndLeavesNothingElse() throws Exception {
        Path file = Files.writeString(dir.resolve("trials.csv"), "old content, longer than the new one\n");
        SaveFile.write(file, out -> out.write("new\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new\n", Files.readString(file));
        assertEquals(List.of("trials.csv"), names(dir));
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("trials.csv"), "old\n");
        IOException full = assertThrows(IOException.class, () -> SaveFile.write(file, out -> {
            out.write("half of the new ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", full.getMessage());
        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of("trials.csv"), names(dir));

        assertThrows(IllegalStateException.class, () -> SaveFile.write(file, out -> {
            throw new IllegalStateException("the chart is not on the UI thread");
        }));
        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of("trials.csv"), names(dir));
    }

    @Test
    void aFileInAFolderNotThereYetGetsItsFolder() throws Exception {
        Path file = dir.resolve("export/deeper/history.png");
        SaveFile.write(file, out -> out.write(1));
        assertEquals(1, Files.size(file));
        assertEquals(List.of("history.png"), names(file.getParent()));
    }

    @Test
    void contentThatClosesItsStreamIsStillWrittenWhole() throws Exception {
        Path file = dir.resolve("trials.csv");
        SaveFile.write(file, out -> {
            try (java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write("number,value\n0,1.5\n");
            }
        });
        assertEquals("number,value\n0,1.5\n", Files.readString(file));
    }
}

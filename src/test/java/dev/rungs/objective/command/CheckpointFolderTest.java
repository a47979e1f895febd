package dev.rungs.objective.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing a trial's checkpoint folder while the command is writing it, as a real script does. */
class CheckpointFolderTest {
    @TempDir
    Path dir;

    @Test
    void aFileRenamedAwayWhilePackingIsSkippedNotAFailure() throws Exception {
        Path ckpt = Files.createDirectory(dir.resolve("trial-0"));
        Files.writeString(ckpt.resolve("state.json"), "{\"epoch\": 0}");
        AtomicBoolean stop = new AtomicBoolean();
        // What sample-projects/python-command/train.py does every epoch: write a temporary file, rename it.
        Thread writer = new Thread(() -> {
            for (int epoch = 1; !stop.get(); epoch++) {
                try {
                    Path tmp = ckpt.resolve("state.json.tmp");
                    Files.writeString(tmp, "{\"epoch\": " + epoch + "}");
                    Files.move(tmp, ckpt.resolve("state.json"), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        writer.start();
        int packed = 0;
        try {
            for (int i = 0; i < 3000; i++) {
                byte[] zip = CheckpointFolder.pack(ckpt); // threw NoSuchFileException before
                assertTrue(zip != null && zip.length > 0);
                packed++;
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        Path back = dir.resolve("back");
        CheckpointFolder.unpack(CheckpointFolder.pack(ckpt), back);
        assertArrayEquals(Files.readAllBytes(ckpt.resolve("state.json")), Files.readAllBytes(back.resolve("state.json")));
        assertTrue(packed == 3000);
    }
}

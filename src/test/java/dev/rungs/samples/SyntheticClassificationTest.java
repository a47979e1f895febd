package dev.rungs.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synthetic set in the samples is exactly what its generator writes, as their README says. */
class SyntheticClassificationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"synthetic-mlp-asha", "synthetic-mlp-pbt"})
    void theCommittedFileIsTheGeneratorsOutput(String sample) throws IOException {
        Path made = dir.resolve("made.csv");
        SyntheticClassification.write(made);
        assertArrayEquals(Files.readAllBytes(made),
                Files.readAllBytes(Path.of("sample-projects", sample, "synthetic_10000x20.csv")));
    }
}

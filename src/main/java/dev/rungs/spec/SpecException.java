package dev.rungs.spec;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A study spec that cannot be used, with the {@link SpecProblem} that says where and why. Read
 * from a file, the message names the file too: {@code specs/b.json: $.space[1].low: must not be
 * greater than high (5 > 1)}.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SpecProblem problem;
    private final transient Path file;

    public SpecException(SpecPath path, String why) {
        this(null, new SpecProblem(path, why), null);
    }

    /** A problem at a path written as text ({@code $.scheduler.min_resource}). */
    public SpecException(String path, String why) {
        this(SpecPath.parse(path), why);
    }

    private SpecException(Path file, SpecProblem problem, Throwable cause) {
        super(file == null ? problem.toString() : file + ": " + problem, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.file = file;
    }

    /** A problem of the spec in {@code file}, caused by {@code cause} (which may be null). */
    static SpecException inFile(Path file, SpecProblem problem, Throwable cause) {
        return new SpecException(Objects.requireNonNull(file, "file"), problem, cause);
    }

    /** This problem, said of the spec in {@code file}. */
    SpecException inFile(Path f) {
        return inFile(f, problem, getCause());
    }

    /** Where the spec is wrong and why. */
    public SpecProblem problem() {
        return problem;
    }

    /** The JSON path of the field at fault ({@code $} for the whole document), as text. */
    public String path() {
        return problem.path().toString();
    }

    /** The spec file, as it was named to the reader; empty for a spec read from text. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}

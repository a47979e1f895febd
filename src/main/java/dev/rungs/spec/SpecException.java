package dev.rungs.spec;

/**
 * A study spec that cannot be used. The message names the JSON path of the bad field and
 * says why, for example {@code $.space[1].low: must not be greater than high (5 > 1)}.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;

    public SpecException(String path, String why) {
        super(path + ": " + why);
        this.path = path;
    }

    /** The JSON path of the field at fault ({@code $} for the whole document). */
    public String path() {
        return path;
    }
}

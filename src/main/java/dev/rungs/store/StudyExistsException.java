package dev.rungs.store;

/**
 * A study of that name is in the store already. It is what {@link StudyStore#createStudy}
 * throws, also when two runners create the same name at the same moment, so the loser of that
 * race hears the same thing as anyone who asks for a taken name.
 */
public final class StudyExistsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String name;

    public StudyExistsException(String name) {
        super("a study named '" + name + "' already exists");
        this.name = name;
    }

    /** The name that is taken. */
    public String name() {
        return name;
    }
}

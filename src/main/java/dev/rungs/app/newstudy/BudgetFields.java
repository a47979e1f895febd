package dev.rungs.app.newstudy;

import dev.rungs.engine.Budget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The budget part of the form: trials, time limit, parallel workers and seed, each as typed,
 * and the rules that read them.
 */
public final class BudgetFields {
    /** The trial budget a fresh form starts with. */
    public static final int DEFAULT_TRIALS = 100;
    /** The seed a fresh form starts with. */
    public static final long DEFAULT_SEED = 42;
    /** The most parallel workers the form offers; more would only queue on a desktop. */
    public static final int MAX_WORKERS = 64;

    /** What the fields say when they are all fine. */
    record Read(Budget budget, int workers, long seed) {
    }

    private final StringProperty trials = new SimpleStringProperty(this, "trials", Integer.toString(DEFAULT_TRIALS));
    private final StringProperty timeLimit = new SimpleStringProperty(this, "timeLimit", "");
    private final StringProperty workers = new SimpleStringProperty(this, "workers", "1");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", Long.toString(DEFAULT_SEED));
    /** A budget of resource units, which the form has no field for; it comes from a loaded spec. */
    private long resource;
    /** The trial budget the form proposes for the chosen method. */
    private String proposedTrials = Integer.toString(DEFAULT_TRIALS);
    /** Whether the trials still follow the proposal (the person has not typed a budget of their own). */
    private boolean trialsFollow = true;
    /** Set while the form changes the trials itself, so that is not taken for the person's budget. */
    private boolean proposing;

    BudgetFields() {
        trials.addListener((o, old, now) -> {
            if (!proposing) {
                // Typing the proposed budget again hands the trials back to the form.
                trialsFollow = proposedTrials.equals(now == null ? "" : now.trim());
            }
        });
    }

    /** Trials in the study, as typed; blank or 0 for no limit (then a time limit is needed). */
    public StringProperty trialsProperty() {
        return trials;
    }

    /** The time limit of a run in seconds, as typed; blank for none. */
    public StringProperty timeLimitProperty() {
        return timeLimit;
    }

    /** Parallel workers, as typed. */
    public StringProperty workersProperty() {
        return workers;
    }

    /** The study seed, as typed. */
    public StringProperty seedProperty() {
        return seed;
    }

    /** Picks a new random seed; below a billion, so it is easy to read and note down. */
    public void randomSeed() {
        seed.set(Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L)));
    }

    /**
     * The trial budget the chosen method needs (for a multi-fidelity method, the configurations
     * of one full iteration); it replaces the trials unless the person typed a budget of their own.
     */
    void proposeTrials(int n) {
        proposedTrials = Integer.toString(n);
        if (trialsFollow) {
            proposing = true;
            try {
                trials.set(proposedTrials);
            } finally {
                proposing = false;
            }
        }
    }

    /** Whether the trials are the form's proposal rather than a budget the person typed. */
    boolean trialsFollowProposal() {
        return trialsFollow;
    }

    /** The fields a change of which means the form must be checked again. */
    List<ObservableValue<?>> editable() {
        return List.of(trials, timeLimit, workers, seed);
    }

    /** The fields this part reports problems at, in the order the problem list names them. */
    static List<FormField> fields() {
        return List.of(FormField.TRIALS, FormField.TIME_LIMIT, FormField.WORKERS, FormField.SEED);
    }

    /** Fills the fields from a spec's budget, workers and seed. */
    void fill(Budget b, int workerCount, long seedValue) {
        trials.set(b.maxTrials() > 0 ? Integer.toString(b.maxTrials()) : "");
        // A spec's budget is someone's choice: the form no longer proposes one over it.
        trialsFollow = false;
        timeLimit.set(b.maxTime() != null ? ValueText.formatNumber(b.maxTime().toMillis() / 1000.0) : "");
        resource = b.maxResource();
        workers.set(Integer.toString(workerCount));
        seed.set(Long.toString(seedValue));
    }

    /** Puts each field's problem into {@code errors}; returns what they say, or null when any is wrong. */
    Read check(Map<FormField, String> errors) {
        Double seconds = checkTimeLimit(errors);
        Long trialCount = checkTrials(errors, seconds != null || resource > 0);
        Long workerCount = checkWorkers(errors);
        Long seedValue = checkSeed(errors);
        for (FormField f : fields()) {
            if (errors.containsKey(f)) {
                return null;
            }
        }
        Duration time = seconds == null ? null : Duration.ofMillis(Math.round(seconds * 1000));
        return new Read(new Budget(trialCount.intValue(), time, resource), workerCount.intValue(), seedValue);
    }

    private Double checkTimeLimit(Map<FormField, String> errors) {
        String text = trimmed(timeLimit);
        if (text.isEmpty()) {
            return null;
        }
        Double s = ValueText.parseNumber(text);
        if (s == null) {
            errors.put(FormField.TIME_LIMIT, "must be a number of seconds, got '" + text + "' (leave it blank for none)");
        } else if (s <= 0) {
            errors.put(FormField.TIME_LIMIT, "must be a positive number of seconds (leave it blank for none)");
        } else if (s < 0.001) {
            // Budgets count whole milliseconds; less would round to no limit at all.
            errors.put(FormField.TIME_LIMIT, "must be at least 0.001 seconds");
        } else {
            return s;
        }
        // A time limit that is wrong still means the person wants one; trials are judged as if set.
        return Double.NaN;
    }

    private Long checkTrials(Map<FormField, String> errors, boolean otherLimit) {
        String text = trimmed(trials);
        Long n = text.isEmpty() ? Long.valueOf(0) : ValueText.parseWhole(text);
        if (n == null) {
            errors.put(FormField.TRIALS, "must be a whole number, got '" + text + "'");
        } else if (n < 0) {
            errors.put(FormField.TRIALS, "must not be negative");
        } else if (n > Integer.MAX_VALUE) {
            errors.put(FormField.TRIALS, "must be at most " + Integer.MAX_VALUE);
        } else if (n == 0 && !otherLimit) {
            errors.put(FormField.TRIALS, "must be at least 1 (or set a time limit)");
        }
        return n;
    }

    private Long checkWorkers(Map<FormField, String> errors) {
        String text = trimmed(workers);
        Long n = ValueText.parseWhole(text);
        if (n == null) {
            errors.put(FormField.WORKERS, "must be a whole number, got '" + text + "'");
        } else if (n < 1 || n > MAX_WORKERS) {
            errors.put(FormField.WORKERS, "must be between 1 and " + MAX_WORKERS);
        }
        return n;
    }

    private Long checkSeed(Map<FormField, String> errors) {
        String text = trimmed(seed);
        Long n = ValueText.parseWhole(text);
        if (n == null) {
            errors.put(FormField.SEED, "must be a whole number, got '" + text + "'");
        }
        return n;
    }

    private static String trimmed(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }
}

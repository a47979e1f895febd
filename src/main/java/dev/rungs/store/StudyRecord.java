package dev.rungs.store;

import dev.rungs.study.Direction;
import java.time.Instant;
import java.util.Map;

/**
 * A study as the store knows it: who it is and how it was made. Trials are stored apart.
 *
 * @param id the store's key
 * @param name unique, human-chosen name
 * @param direction minimise or maximise
 * @param specJson the study specification it was created from ("{}" when built in code)
 * @param provenance how it was made: method, scheduler, settings, seed, Rungs version
 * @param created when it was created
 * @param state running, stopped or finished
 */
public record StudyRecord(long id, String name, Direction direction, String specJson,
        Map<String, String> provenance, Instant created, StudyState state) {
    public StudyRecord {
        provenance = Map.copyOf(provenance);
    }

    /** This record with another state. */
    public StudyRecord withState(StudyState s) {
        return new StudyRecord(id, name, direction, specJson, provenance, created, s);
    }
}

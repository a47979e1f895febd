package dev.rungs.store;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A store that keeps everything in memory; for tests, benchmarks and throwaway runs. */
public final class InMemoryStudyStore implements StudyStore {
    private final Map<Long, StudyRecord> studies = new LinkedHashMap<>();
    private final Map<Long, TreeMap<Integer, Trial>> trials = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized StudyRecord createStudy(String name, Direction direction, String specJson,
            Map<String, String> provenance) {
        if (findStudy(name).isPresent()) {
            throw new IllegalArgumentException("a study named '" + name + "' already exists");
        }
        StudyRecord r = new StudyRecord(nextId++, name, direction, specJson, provenance, Instant.now());
        studies.put(r.id(), r);
        trials.put(r.id(), new TreeMap<>());
        return r;
    }

    @Override
    public synchronized Optional<StudyRecord> findStudy(String name) {
        return studies.values().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public synchronized List<StudyRecord> studies() {
        return List.copyOf(studies.values());
    }

    @Override
    public synchronized void saveTrial(long studyId, Trial trial) {
        TreeMap<Integer, Trial> m = trials.get(studyId);
        if (m == null) {
            throw new IllegalArgumentException("no study with id " + studyId);
        }
        m.put(trial.number(), trial);
    }

    @Override
    public synchronized List<Trial> trials(long studyId) {
        TreeMap<Integer, Trial> m = trials.get(studyId);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }

    @Override
    public synchronized void deleteStudy(long studyId) {
        studies.remove(studyId);
        trials.remove(studyId);
    }

    @Override
    public void close() {
        // nothing to release
    }
}

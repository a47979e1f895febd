package dev.rungs.store;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A store that keeps everything in memory; for tests, benchmarks and throwaway runs. */
public final class InMemoryStudyStore implements StudyStore {
    private final Map<Long, StudyRecord> studies = new LinkedHashMap<>();
    private final Map<Long, TreeMap<Integer, Trial>> trials = new HashMap<>();
    private final Map<Long, Map<Integer, byte[]>> checkpoints = new HashMap<>();
    private final Map<Long, List<LineageEntry>> lineage = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized StudyRecord createStudy(String name, Direction direction, String specJson,
            Map<String, String> provenance) {
        if (findStudy(name).isPresent()) {
            throw new IllegalArgumentException("a study named '" + name + "' already exists");
        }
        StudyRecord r = new StudyRecord(nextId++, name, direction, specJson, provenance, Instant.now(),
                StudyState.RUNNING);
        studies.put(r.id(), r);
        trials.put(r.id(), new TreeMap<>());
        checkpoints.put(r.id(), new HashMap<>());
        lineage.put(r.id(), new ArrayList<>());
        return r;
    }

    @Override
    public synchronized Optional<StudyRecord> findStudy(String name) {
        return studies.values().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public synchronized Optional<StudyRecord> study(long studyId) {
        return Optional.ofNullable(studies.get(studyId));
    }

    @Override
    public synchronized List<StudyRecord> studies() {
        return List.copyOf(studies.values());
    }

    @Override
    public synchronized void setStudyState(long studyId, StudyState state) {
        studies.put(studyId, existing(studyId).withState(state));
    }

    @Override
    public synchronized void saveTrial(long studyId, Trial trial) {
        existing(studyId);
        trials.get(studyId).put(trial.number(), trial);
    }

    @Override
    public synchronized List<Trial> trials(long studyId) {
        TreeMap<Integer, Trial> m = trials.get(studyId);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }

    @Override
    public synchronized void saveCheckpoint(long studyId, int trialNumber, byte[] state) {
        existing(studyId);
        checkpoints.get(studyId).put(trialNumber, state.clone());
    }

    @Override
    public synchronized Optional<byte[]> checkpoint(long studyId, int trialNumber) {
        Map<Integer, byte[]> m = checkpoints.get(studyId);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(trialNumber)).map(byte[]::clone);
    }

    @Override
    public synchronized void saveLineage(long studyId, LineageEntry entry) {
        existing(studyId);
        lineage.get(studyId).add(entry);
    }

    @Override
    public synchronized List<LineageEntry> lineage(long studyId) {
        return List.copyOf(lineage.getOrDefault(studyId, List.of()));
    }

    @Override
    public synchronized void deleteStudy(long studyId) {
        studies.remove(studyId);
        trials.remove(studyId);
        checkpoints.remove(studyId);
        lineage.remove(studyId);
    }

    private StudyRecord existing(long studyId) {
        StudyRecord r = studies.get(studyId);
        if (r == null) {
            throw new IllegalArgumentException("no study with id " + studyId);
        }
        return r;
    }

    @Override
    public void close() {
        // nothing to release
    }
}

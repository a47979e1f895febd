package dev.rungs.store;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.time.Duration;
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
    private final Map<Long, Lease> currentLeases = new HashMap<>();
    private final Leases leases = new Leases();
    private long nextId = 1;

    @Override
    public synchronized StudyRecord createStudy(String name, Direction direction, String specJson,
            Map<String, String> provenance) {
        if (findStudy(name).isPresent()) {
            throw new StudyExistsException(name);
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
        studies.put(studyId, writable(studyId).withState(state));
    }

    @Override
    public synchronized Trial addTrial(long studyId, Trial trial) {
        writable(studyId);
        TreeMap<Integer, Trial> m = trials.get(studyId);
        int number = m.isEmpty() ? 0 : m.lastKey() + 1;
        Trial t = trial.withNumber(number);
        m.put(number, t);
        return t;
    }

    @Override
    public synchronized void saveTrial(long studyId, Trial trial, TrialChange change) {
        change.requireReportsIn(trial);
        // the snapshot is the trial after the change, so keeping it keeps the change
        writable(studyId);
        TreeMap<Integer, Trial> m = trials.get(studyId);
        if (!m.containsKey(trial.number())) {
            throw noTrial(studyId, trial.number());
        }
        m.put(trial.number(), trial);
    }

    static IllegalArgumentException noTrial(long studyId, int number) {
        return new IllegalArgumentException("study " + studyId + " has no trial " + number
                + " to save; new trials are added with addTrial");
    }

    @Override
    public synchronized List<Trial> trials(long studyId) {
        TreeMap<Integer, Trial> m = trials.get(studyId);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }

    @Override
    public synchronized void saveCheckpoint(long studyId, int trialNumber, byte[] state) {
        writable(studyId);
        checkpoints.get(studyId).put(trialNumber, state.clone());
    }

    @Override
    public synchronized Optional<byte[]> checkpoint(long studyId, int trialNumber) {
        Map<Integer, byte[]> m = checkpoints.get(studyId);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(trialNumber)).map(byte[]::clone);
    }

    @Override
    public synchronized void saveLineage(long studyId, LineageEntry entry) {
        writable(studyId);
        lineage.get(studyId).add(entry);
    }

    @Override
    public synchronized List<LineageEntry> lineage(long studyId) {
        return List.copyOf(lineage.getOrDefault(studyId, List.of()));
    }

    @Override
    public synchronized void deleteStudy(long studyId) {
        if (!studies.containsKey(studyId)) {
            return;
        }
        writable(studyId);
        leases.deleted(studyId);
        currentLeases.remove(studyId);
        studies.remove(studyId);
        trials.remove(studyId);
        checkpoints.remove(studyId);
        lineage.remove(studyId);
    }

    @Override
    public synchronized Lease acquireLease(long studyId, LeaseHolder holder, Duration timeout) {
        StudyRecord s = existing(studyId);
        Lease l = leases.grant(s.name(), studyId, currentLeases.get(studyId), holder, Leases.checkTimeout(timeout),
                Instant.now());
        currentLeases.put(studyId, l);
        leases.took(l);
        return l;
    }

    @Override
    public synchronized Lease renewLease(Lease lease) {
        StudyRecord s = existing(lease.studyId());
        leases.checkRenew(s.name(), lease, currentLeases.get(s.id()));
        Lease renewed = lease.renewedAt(Instant.now());
        currentLeases.put(s.id(), renewed);
        return renewed;
    }

    @Override
    public synchronized void releaseLease(Lease lease) {
        Lease current = currentLeases.get(lease.studyId());
        if (current != null && current.token().equals(lease.token())) {
            currentLeases.remove(lease.studyId());
        }
        leases.released(lease);
    }

    @Override
    public synchronized Optional<Lease> lease(long studyId) {
        return Optional.ofNullable(currentLeases.get(studyId));
    }

    /** The study, if this store may write it now (see {@link Leases#checkWrite}). */
    private StudyRecord writable(long studyId) {
        StudyRecord s = existing(studyId);
        leases.checkWrite(s.name(), studyId, currentLeases.get(studyId), Instant.now());
        return s;
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

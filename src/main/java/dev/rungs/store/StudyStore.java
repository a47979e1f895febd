package dev.rungs.store;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where studies and their trials live. The store is the truth: the engine saves every change
 * of a trial here before it announces it, so whatever a listener has seen is stored.
 *
 * <p>Implementations are thread-safe; every write returns only once it is durable (as durable
 * as the implementation can make it).
 *
 * <h2>One runner per study</h2>
 * A runner takes the study's {@link Lease} before it runs it ({@link #acquireLease}), renews it
 * by a heartbeat and releases it at the end. While another runner holds a live lease, every
 * write to the study through this store (trials, checkpoints, lineage, state, delete) is
 * refused with {@link StudyBusyException}; once this store's own lease was taken over, with
 * {@link LeaseLostException}. Trial numbers are given by the store ({@link #addTrial}), so two
 * writers can never silently share a number.
 */
public interface StudyStore extends AutoCloseable {

    /**
     * Creates a study.
     *
     * @throws StudyExistsException if a study with that name exists
     */
    StudyRecord createStudy(String name, Direction direction, String specJson, Map<String, String> provenance);

    /** The study with this name, if any. */
    Optional<StudyRecord> findStudy(String name);

    /** The study with this id, if any. */
    Optional<StudyRecord> study(long studyId);

    /** All studies, oldest first. */
    List<StudyRecord> studies();

    /** Records where the study is in its life. */
    void setStudyState(long studyId, StudyState state);

    /**
     * Adds a new trial to the study. The store gives it the study's next number (one more than
     * the largest so far, from 0) in the same transaction that inserts it, whatever number
     * {@code trial} carries, and returns it with that number.
     */
    Trial addTrial(long studyId, Trial trial);

    /**
     * Saves a change of a trial added before (a report, a new state, an attribute).
     *
     * <p>{@code trial} is the whole trial after the change, and {@code change} says exactly
     * which of its parts differ from what was saved of it before. A store may rely on both: it
     * may write only the parts {@code change} names, taking their values from {@code trial}
     * (an attribute named but absent from {@code trial} was removed), and leave every other
     * stored part as it is, even where it differs from {@code trial}. So a caller that names
     * too little loses the parts it did not name; one that does not know what it changed says
     * {@link TrialChange#everything()}, and the trial is rewritten whole.
     *
     * @throws IllegalArgumentException if the study has no trial of that number
     */
    void saveTrial(long studyId, Trial trial, TrialChange change);

    /** The study's trials ordered by number. */
    List<Trial> trials(long studyId);

    /** Saves the latest checkpoint of a trial (a paused trial resumes from it, a PBT donor is copied from it). */
    void saveCheckpoint(long studyId, int trialNumber, byte[] state);

    /** The latest checkpoint of a trial, if it saved one. */
    Optional<byte[]> checkpoint(long studyId, int trialNumber);

    /** Appends one PBT exploit to the study's lineage. */
    void saveLineage(long studyId, LineageEntry entry);

    /** The study's exploits in the order they happened. */
    List<LineageEntry> lineage(long studyId);

    /**
     * Takes the study's lease for {@code holder}: free, stale, or released ones are taken;
     * {@code timeout} is how long the lease stays live without a heartbeat.
     *
     * @throws StudyBusyException if another runner holds a live lease
     */
    Lease acquireLease(long studyId, LeaseHolder holder, Duration timeout);

    /**
     * Renews a lease this store holds (a heartbeat).
     *
     * @return the lease with its new heartbeat
     * @throws LeaseLostException if another runner has taken it over
     */
    Lease renewLease(Lease lease);

    /** Gives up a lease this store holds; nothing happens if it was taken over meanwhile. */
    void releaseLease(Lease lease);

    /** The study's current lease, live or stale, if any runner holds or held one without releasing it. */
    Optional<Lease> lease(long studyId);

    /** Removes a study with its trials, checkpoints and lineage. */
    void deleteStudy(long studyId);

    @Override
    void close();
}

package dev.rungs.store;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where studies and their trials live. The store is the truth: the engine saves every change
 * of a trial here before it announces it, so whatever a listener has seen is stored.
 *
 * <p>Implementations are thread-safe; {@link #saveTrial} returns only once the trial is
 * durable (as durable as the implementation can make it).
 */
public interface StudyStore extends AutoCloseable {

    /**
     * Creates a study.
     *
     * @throws IllegalArgumentException if a study with that name exists
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

    /** Inserts the trial, or replaces the stored trial of the same number. */
    void saveTrial(long studyId, Trial trial);

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

    /** Removes a study with its trials, checkpoints and lineage. */
    void deleteStudy(long studyId);

    @Override
    void close();
}

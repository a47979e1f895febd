package dev.rungs.app.newstudy;

import dev.rungs.objective.ml.Dataset;
import dev.rungs.objective.ml.Metric;
import dev.rungs.objective.ml.ModelFamily;
import dev.rungs.objective.ml.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the dataset step that need the data: which metrics score the task, which model
 * families can learn it.
 */
final class DatasetChecks {
    private DatasetChecks() {
    }

    /** Why {@code m} cannot score {@code data}, or null (also while there is no data). */
    static String metricProblem(Metric m, Dataset data) {
        if (m == null) {
            return "choose a metric";
        }
        if (data != null && m.task() != data.task()) {
            return m.specName() + " scores " + m.task().specName() + ", but the task is " + data.task().specName()
                    + "; choose one of " + names(metricsFor(data.task()));
        }
        return null;
    }

    /** Why {@code f} cannot learn {@code data}, or null (also while there is no data). */
    static String modelProblem(ModelFamily f, Dataset data) {
        if (f == null) {
            return "choose a model family";
        }
        if (data != null && !f.supports(data.task())) {
            return "the model " + f.name() + " cannot do " + data.task().specName();
        }
        return null;
    }

    /** The metrics that score {@code t}. */
    static List<Metric> metricsFor(Task t) {
        List<Metric> ms = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m.task() == t) {
                ms.add(m);
            }
        }
        return ms;
    }

    private static String names(List<Metric> ms) {
        List<String> n = new ArrayList<>();
        ms.forEach(m -> n.add(m.specName()));
        return String.join(", ", n);
    }
}

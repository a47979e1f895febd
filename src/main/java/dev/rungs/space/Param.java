package dev.rungs.space;

import java.util.Optional;

/**
 * One hyperparameter of a {@link SearchSpace}.
 *
 * <p>Every parameter maps the unit interval onto its values ({@link #fromUnit}) so that
 * samplers which think in [0, 1) (random, Sobol, CMA-ES, GP) share one decoding, and maps a
 * value back ({@link #toUnit}) for models that need numbers. Discrete values own equal-width
 * cells of the unit interval, so a uniform unit draw gives every value the same chance.
 */
public sealed interface Param permits FloatParam, IntParam, CategoricalParam {

    /** The parameter's name, unique within its search space. */
    String name();

    /** The condition that makes this parameter active; empty when it is always active. */
    Optional<Condition> when();

    /** The value at position {@code u} in [0, 1] of the unit interval. */
    Object fromUnit(double u);

    /** The position of {@code value} in the unit interval (the cell centre for discrete values). */
    double toUnit(Object value);

    /**
     * Checks a value given from outside (a spec, a user, a stored trial) and returns it in the
     * canonical type: {@code Double} for floats, {@code Long} for integers, the matching choice
     * for categoricals.
     *
     * @throws IllegalArgumentException naming the parameter when the value does not belong
     */
    Object normalize(Object value);

    /** Copy of this parameter that is active only under {@code condition}. */
    Param withCondition(Condition condition);
}

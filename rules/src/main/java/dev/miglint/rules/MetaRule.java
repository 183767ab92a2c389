package dev.miglint.rules;

/**
 * A report miglint makes about its own reading of a file (an ignore comment it could not apply, a
 * file it could not read). It has no check of its own: the front ends and the engine report it, and
 * it is configured, documented and suppressed like every other rule.
 */
public interface MetaRule extends Rule {

    @Override
    default Granularity granularity() {
        return Granularity.META;
    }
}

package dev.miglint.rules;

import dev.miglint.rules.alembic.AlembicRule;
import dev.miglint.rules.drizzle.DrizzleRule;
import dev.miglint.rules.models.ModelRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every {@link ProjectRule}, in the order {@code miglint rules} lists them. */
public final class ProjectRules {

    public static final List<ProjectRule> ALL = all();

    private ProjectRules() {
    }

    private static List<ProjectRule> all() {
        List<ProjectRule> all = new ArrayList<>();
        all.addAll(List.of(AlembicRule.values()));
        all.addAll(List.of(DrizzleRule.values()));
        all.addAll(List.of(ModelRule.values()));
        return List.copyOf(all);
    }

    public static Optional<ProjectRule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}

package dev.miglint.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.miglint.rules.Rule;
import dev.miglint.rules.Rules;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layers of miglint, bottom up (DESIGN.md §1): text primitives, syntax (SQL tokens and statement
 * splitting, the Python front end), the Change IR and schema, the readers that build them (SQL,
 * Alembic, models, Drizzle), configuration, rules and their catalogue, the project service, insight,
 * and the adapters. No package reaches a layer above its own.
 */
class ArchitectureTest {

    private static final JavaClasses MIGLINT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.miglint");

    @Test
    void noPackageImportsALayerAboveIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("text").definedBy("dev.miglint.text..")
                .layer("syntax").definedBy("dev.miglint.sql.syntax..", "dev.miglint.python..")
                .layer("ir").definedBy("dev.miglint.change..", "dev.miglint.schema..")
                .layer("readers").definedBy("dev.miglint.sql", "dev.miglint.alembic..", "dev.miglint.models..",
                        "dev.miglint.drizzle..")
                .layer("config").definedBy("dev.miglint.config..")
                .layer("rules").definedBy("dev.miglint.rules..")
                .layer("project").definedBy("dev.miglint.project..")
                .layer("insight").definedBy("dev.miglint.insight..")
                .layer("adapters").definedBy("dev.miglint.cli..", "dev.miglint.lsp..")
                .whereLayer("adapters").mayNotBeAccessedByAnyLayer()
                .whereLayer("insight").mayOnlyBeAccessedByLayers("adapters")
                .whereLayer("project").mayOnlyBeAccessedByLayers("insight", "adapters")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("project", "insight", "adapters")
                .whereLayer("config").mayOnlyBeAccessedByLayers("rules", "project", "insight", "adapters")
                .whereLayer("readers").mayOnlyBeAccessedByLayers("config", "rules", "project", "insight", "adapters")
                .whereLayer("ir").mayOnlyBeAccessedByLayers("readers", "config", "rules", "project", "insight", "adapters")
                .whereLayer("syntax").mayOnlyBeAccessedByLayers("ir", "readers", "config", "rules", "project", "insight",
                        "adapters")
                .check(MIGLINT);
    }

    @Test
    void theEngineNeverImportsTheLanguageServerProtocol() {
        noClasses().that().resideOutsideOfPackages("dev.miglint.lsp..", "dev.miglint.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.lsp4j..")
                .check(MIGLINT);
    }

    @Test
    void theCliAndTheEditorReachFindingsOnlyThroughTheProjectService() {
        noClasses().that().resideInAnyPackage("dev.miglint.cli..", "dev.miglint.lsp..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Analyzer")
                .orShould().dependOnClassesThat().haveSimpleName("AlembicHistory")
                .orShould().dependOnClassesThat().haveSimpleName("DrizzleChecks")
                .orShould().dependOnClassesThat().haveSimpleName("ModelDrift")
                .orShould().dependOnClassesThat().haveSimpleName("DrizzleDrift")
                .because("file discovery, histories and levels belong to the project service in rules/")
                .check(MIGLINT);
    }

    @Test
    void everyRuleClassIsInTheOneCatalogue() {
        Set<String> declared = new TreeSet<>();
        for (JavaClass c : MIGLINT) {
            if (c.isAssignableTo(Rule.class) && !c.isInterface() && !c.getModifiers().contains(
                    com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
                declared.add(c.getName());
            }
        }
        Set<String> registered = Rules.ALL.stream().map(r -> r.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, registered, "a rule class not in Rules.ALL is checked nowhere");
    }
}

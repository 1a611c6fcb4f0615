package dev.quire;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the layers apart: model at the bottom, then store/llm/prompt/stitch, studio, then cli and ui on top
 * (docs/architecture.md; docs/decisions/0003 and 0009).
 */
@AnalyzeClasses(packages = "dev.quire", importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

    /** Production classes, whatever the build directory is called (-Dquire.build.dir). */
    static final class ProductionClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule layersOnlyLookDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Model").definedBy("dev.quire.model..")
            .layer("Store").definedBy("dev.quire.store..")
            // not written yet: their rules hold from the first class on
            .optionalLayer("Llm").definedBy("dev.quire.llm..")
            .optionalLayer("Prompt").definedBy("dev.quire.prompt..")
            .optionalLayer("Stitch").definedBy("dev.quire.stitch..")
            .layer("Cliche").definedBy("dev.quire.cliche..")
            .layer("Spell").definedBy("dev.quire.spell..")
            .layer("Studio").definedBy("dev.quire.studio..")
            .layer("Cli").definedBy("dev.quire.cli..")
            .layer("Ui").definedBy("dev.quire.ui..")
            .layer("Launcher").definedBy("dev.quire")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Studio").mayOnlyBeAccessedByLayers("Cli", "Ui", "Launcher")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Studio", "Cli", "Ui")
            .whereLayer("Llm").mayOnlyBeAccessedByLayers("Studio", "Cli", "Ui")
            .whereLayer("Prompt").mayOnlyBeAccessedByLayers("Studio", "Cli", "Ui")
            .whereLayer("Stitch").mayOnlyBeAccessedByLayers("Studio", "Cli", "Ui")
            .whereLayer("Cliche").mayOnlyBeAccessedByLayers("Studio", "Cli", "Ui")
            .whereLayer("Spell").mayOnlyBeAccessedByLayers("Studio", "Cli", "Ui")
            .because("a lower layer must not know the layers built on it (docs/architecture.md)");

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("dev.quire.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "atlantafx..")
            .because("the model, the library, the providers and the command line must run headless");

    @ArchTest
    static final ArchRule modelIsPure = noClasses()
            .that().resideInAPackage("dev.quire.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.quire.store..", "dev.quire.llm..",
                    "dev.quire.prompt..", "dev.quire.stitch..", "dev.quire.cliche..", "dev.quire.spell..", "dev.quire.studio..",
                    "dev.quire.cli..", "dev.quire.ui..", "java.sql..", "java.io..", "java.nio..", "com.fasterxml..", "okhttp3..")
            .because("the model is values only: no I/O and no other Quire package");

    @ArchTest
    static final ArchRule storeAndProvidersStayApart = noClasses()
            .that().resideInAPackage("dev.quire.store..")
            .should().dependOnClassesThat().resideInAPackage("dev.quire.llm..")
            .orShould().dependOnClassesThat().resideInAPackage("okhttp3..")
            .because("persistence and providers are separate services that studio ties together");

    /** Each package under {@code dev.quire.llm} is its own slice, the API package included. */
    static final class LlmPackages implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("dev.quire.llm") || name.startsWith("dev.quire.llm.")
                    ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.quire.llm";
        }
    }

    @ArchTest
    static final ArchRule providerPackagesFormNoCycle = slices().assignedFrom(new LlmPackages())
            .should().beFreeOfCycles()
            .because("the API (ChatProvider, Providers…) sits above nothing: the wire code depends on it, never back");

    @ArchTest
    static final ArchRule sqlStaysInTheStore = noClasses()
            .that().resideOutsideOfPackage("dev.quire.store..")
            .should().dependOnClassesThat().resideInAPackage("org.sqlite..")
            .orShould().dependOnClassesThat().belongToAnyOf(Statement.class, PreparedStatement.class,
                    ResultSet.class, DriverManager.class)
            .because("statements are written and run by the repositories; the layers above call them");

    @ArchTest
    static final ArchRule onlyProvidersTalkHttp = noClasses()
            .that().resideOutsideOfPackage("dev.quire.llm..")
            .should().dependOnClassesThat().resideInAPackage("okhttp3..")
            .because("one layer owns the network");

    @ArchTest
    static final ArchRule viewModelsHoldStateNotControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.animation..")
            .because("a view model is tested without a screen: views bind controls, timing belongs to the frame"
                    + " executor (style.md)");

    @ArchTest
    static final ArchRule stitchingDoesNotKnowTheSceneEditor = noClasses()
            .that().resideInAnyPackage("dev.quire.ui.stitch..", "dev.quire.ui.prose..")
            .should().dependOnClassesThat().resideInAPackage("dev.quire.ui.editor..")
            .because("the scene editor hosts the stitching pane; both edit prose through ui.prose");

    @ArchTest
    static final ArchRule onlyFxTouchesTheFxThread = noClasses()
            .that().resideOutsideOfPackage("dev.quire.ui.common..")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("background work reaches the FX thread in one place (ui.common.Fx)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.quire.(**)")
            .should().beFreeOfCycles()
            .because("two packages that import each other are one package in two places: neither can change alone");

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksSql = noClasses()
            .that().resideOutsideOfPackage("dev.quire.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("the library's tables are the store's to know; the rest asks a repository");

}

package dev.crmconnect.testkit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.base.DescribedPredicate;
import dev.crmconnect.model.internal.Check;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The boundaries between the published artifacts (sdk-model, sdk-core, sdk-testkit), checked on
 * their compiled classes: what each may use of the others, and what a public signature may name.
 */
@AnalyzeClasses(packages = "dev.crmconnect",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** Libraries the SDK uses inside that must never show in its API, so users can upgrade them freely. */
    private static final Set<String> HIDDEN_LIBRARIES = Set.of("com.fasterxml.jackson.", "com.github.tomakehurst.",
            "org.wiremock.", "wiremock.");

    @ArchTest
    static final ArchRule modelStandsAlone = noClasses().that().resideInAPackage("dev.crmconnect.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.crmconnect.sdk..", "dev.crmconnect.testkit..");

    @ArchTest
    static final ArchRule sdkDoesNotKnowTheFake = noClasses().that().resideInAPackage("dev.crmconnect.sdk..")
            .should().dependOnClassesThat().resideInAPackage("dev.crmconnect.testkit..");

    /** The fake reads and writes what it exchanges with its own code, so a mapping bug cannot hide on both sides. */
    @ArchTest
    static final ArchRule fakeUsesNoSdkInternals = noClasses().that().resideInAPackage("dev.crmconnect.testkit..")
            .should().dependOnClassesThat().resideInAPackage("dev.crmconnect.sdk.internal..");

    /** sdk-core's internals are its own; other artifacts use its public API. */
    @ArchTest
    static final ArchRule sdkInternalsStayInSdkCore = noClasses().that().resideOutsideOfPackage("dev.crmconnect.sdk..")
            .should().dependOnClassesThat().resideInAPackage("dev.crmconnect.sdk.internal..");

    /**
     * sdk-model's internals are its own, but for one declared seam: sdk-core validates what it sends with
     * the model's {@link Check}, so both artifacts apply the same rules with the same messages.
     */
    @ArchTest
    static final ArchRule modelInternalsOnlyThroughTheCheckSeam = noClasses()
            .that().resideOutsideOfPackage("dev.crmconnect.model..")
            .should().dependOnClassesThat(resideInAPackage("dev.crmconnect.model.internal..")
                    .and(not(type(Check.class))).and(not(nestedIn(Check.class))))
            .because("dev.crmconnect.model.internal.Check is the only declared seam into sdk-model's internals");

    @ArchTest
    static final ArchRule publicSignaturesNameNoHiddenLibrary = codeUnits().that(arePublicApi())
            .should(nameNoHiddenLibrary());

    @ArchTest
    static final ArchRule publicFieldsNameNoHiddenLibrary = fields().that(arePublicApiField())
            .should(nameNoHiddenLibraryInField());

    @ArchTest
    static final ArchRule publicTypesExtendNoHiddenLibrary = classes().that(areInPublicPackages())
            .and().arePublic().should(extendNoHiddenLibrary());

    /** The test classes of other modules reach this classpath as test jars, which are no artifact's code. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static DescribedPredicate<JavaClass> nestedIn(Class<?> outer) {
        return DescribedPredicate.describe("nested in " + outer.getSimpleName(),
                c -> c.getName().startsWith(outer.getName() + "$"));
    }

    static DescribedPredicate<JavaClass> areInPublicPackages() {
        return DescribedPredicate.describe("in a public package",
                c -> !c.getPackageName().contains(".internal") && c.getModifiers().contains(JavaModifier.PUBLIC));
    }

    private static boolean isPublicApi(JavaMember member) {
        JavaClass owner = member.getOwner();
        return member.getModifiers().contains(JavaModifier.PUBLIC)
                && owner.getModifiers().contains(JavaModifier.PUBLIC)
                && !owner.getPackageName().contains(".internal")
                && !member.getModifiers().contains(JavaModifier.SYNTHETIC);
    }

    static DescribedPredicate<JavaCodeUnit> arePublicApi() {
        return DescribedPredicate.describe("are public API", ArchitectureTest::isPublicApi);
    }

    static DescribedPredicate<JavaField> arePublicApiField() {
        return DescribedPredicate.describe("are public API", ArchitectureTest::isPublicApi);
    }

    private static boolean hidden(JavaClass type) {
        String name = type.getName();
        return HIDDEN_LIBRARIES.stream().anyMatch(name::startsWith);
    }

    static ArchCondition<JavaCodeUnit> nameNoHiddenLibrary() {
        return new ArchCondition<>("name no Jackson or WireMock type") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream.concat(Stream.concat(unit.getReturnType().getAllInvolvedRawTypes().stream(),
                                        unit.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream())),
                                unit.getThrowsClause().getTypes().stream())
                        .filter(ArchitectureTest::hidden).distinct()
                        .forEach(type -> events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " names " + type.getName())));
            }
        };
    }

    static ArchCondition<JavaField> nameNoHiddenLibraryInField() {
        return new ArchCondition<>("name no Jackson or WireMock type") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                field.getType().getAllInvolvedRawTypes().stream().filter(ArchitectureTest::hidden)
                        .forEach(type -> events.add(SimpleConditionEvent.violated(field,
                                field.getFullName() + " names " + type.getName())));
            }
        };
    }

    static ArchCondition<JavaClass> extendNoHiddenLibrary() {
        return new ArchCondition<>("extend or implement no Jackson or WireMock type") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Stream.concat(type.getRawSuperclass().stream(), type.getRawInterfaces().stream())
                        .filter(ArchitectureTest::hidden)
                        .forEach(parent -> events.add(SimpleConditionEvent.violated(type,
                                type.getName() + " extends " + parent.getName())));
            }
        };
    }
}

package org.guildhall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Rules that Spring Modulith does not check. Every rule names packages that exist. */
class ArchitectureTests {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.guildhall");

  @Test
  void theImportSeesTheApplication() {
    // Guards the rules below against passing vacuously on an empty import.
    org.assertj.core.api.Assertions.assertThat(
            CLASSES.containPackage("org.guildhall.identity.internal"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(CLASSES.size()).isGreaterThan(50);
  }

  @Test
  void entitiesStayInsideTheirModule() {
    classes()
        .that()
        .areAnnotatedWith(Entity.class)
        .should()
        .resideInAPackage("..internal..")
        .andShould()
        .notBePublic()
        .check(CLASSES);
  }

  @Test
  void controllersLiveInWebPackages() {
    classes()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should()
        .resideInAnyPackage("..web..", "..platform..")
        .check(CLASSES);
  }

  @Test
  void timeComesFromTheInjectedClock() {
    noClasses()
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(java.time.ZonedDateTime.class, "now")
        .because("tests move time with a Clock bean")
        .check(CLASSES);
  }

  @Test
  void noFieldInjection() {
    fields().should().notBeAnnotatedWith(Autowired.class).check(CLASSES);
  }

  @Test
  void webLayerDoesNotTouchRepositories() {
    noClasses()
        .that()
        .resideInAPackage("..web..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .check(CLASSES);
  }

  @Test
  void noStandardStreams() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .check(CLASSES);
  }
}

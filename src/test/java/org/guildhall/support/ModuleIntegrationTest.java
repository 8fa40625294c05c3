package org.guildhall.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Starts the test class's module on its own, with the open platform module and the test clock. The
 * readiness group names the content module's search index, which such a test does not start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(extraIncludes = "platform")
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
@Import(TestClockConfig.class)
public @interface ModuleIntegrationTest {}

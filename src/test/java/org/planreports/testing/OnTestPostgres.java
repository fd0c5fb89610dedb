package org.planreports.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Puts a Spring test class on a database of its own in the {@link TestPostgres} server: the class's
 * application context is made with {@code spring.datasource.*} pointing at a new, empty database,
 * so its schema is created on first use as an operator's would be. Without a PostgreSQL the class
 * is skipped (or fails, under {@value TestPostgres#REQUIRE_ENV}) before any context is made. Its
 * tests are in the postgres tier, which {@code ./mvnw verify} runs (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(OnTestPostgres.Required.class)
@ContextConfiguration(initializers = OnTestPostgres.Initializer.class)
public @interface OnTestPostgres {

  /** Skips the class before Spring tries to connect. */
  class Required implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      TestPostgres.require();
    }
  }

  /** A new database for each application context. */
  class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPostgres.Database db = TestPostgres.newDatabase();
      TestPropertyValues.of(
              "spring.datasource.url=" + db.url(),
              "spring.datasource.username=" + db.user(),
              "spring.datasource.password=" + db.password())
          .applyTo(context);
    }
  }
}

package com.microsoft.kusto.emulator.junit;

import com.microsoft.kusto.emulator.KustoEmulator;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension starting one {@link KustoEmulator} (with Azurite) per test class and stopping it after the
 * class. Test methods and constructors can take a {@code KustoEmulator} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KustoEmulatorExtension KUSTO =
 *     new KustoEmulatorExtension(() -> KustoEmulator.builder().strictMode(true).database("db"));
 * // or @ExtendWith(KustoEmulatorExtension.class): strict mode, database "db"
 * }</pre>
 */
public final class KustoEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  /** Database created by the default configuration. */
  public static final String DEFAULT_DATABASE = "db";

  private final Supplier<KustoEmulator.Builder> configuration;
  private KustoEmulator emulator;
  /** The class context that started the emulator; @Nested classes reuse it and must not stop it. */
  private String owner;

  /** Default configuration: strict mode on, storage on, database {@value #DEFAULT_DATABASE}. */
  public KustoEmulatorExtension() {
    this(() -> KustoEmulator.builder().strictMode(true).database(DEFAULT_DATABASE));
  }

  public KustoEmulatorExtension(Supplier<KustoEmulator.Builder> configuration) {
    this.configuration = configuration;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (emulator == null) {
      emulator = configuration.get().start();
      owner = context.getUniqueId();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (emulator != null && context.getUniqueId().equals(owner)) {
      emulator.close();
      emulator = null;
      owner = null;
    }
  }

  /** The running emulator (between beforeAll and afterAll). */
  public KustoEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("The Kusto emulator runs only while the test class runs (beforeAll..afterAll)");
    }
    return emulator;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KustoEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return emulator();
  }
}

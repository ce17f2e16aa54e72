package com.microsoft.kusto.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the Node tools the emulator drives (Azurite, Microsoft's KQL parser), installed by the build from the
 * repository's package.json. Looked up in order: system property {@code kusto.tools.dir}, environment variable
 * {@code KUSTO_TOOLS_DIR}, the current directory and its parents; failing those (the standalone jar started from
 * any folder), {@link NodeToolsInstaller} installs the pinned versions into a per-user cache.
 */
public final class NodeTools {
  public static final String TOOLS_DIR_PROPERTY = "kusto.tools.dir";
  public static final String TOOLS_DIR_ENV = "KUSTO_TOOLS_DIR";

  private NodeTools() {}

  /**
   * The directory holding {@code node_modules}: a checkout's, or the per-user cache after installing there (progress
   * on standard output); an exception says what is missing when neither works.
   */
  public static Path toolsDirectory() {
    return findToolsDirectory().orElseGet(() -> NodeToolsInstaller.install(System.out));
  }

  static Optional<Path> findToolsDirectory() {
    for (String configured : new String[] {System.getProperty(TOOLS_DIR_PROPERTY), System.getenv(TOOLS_DIR_ENV)}) {
      if (configured != null && !configured.isBlank() && hasTools(Paths.get(configured))) {
        return Optional.of(Paths.get(configured).toAbsolutePath());
      }
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (hasTools(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static boolean hasTools(Path dir) {
    return Files.isDirectory(dir.resolve("node_modules").resolve("@kusto").resolve("language-service-next"));
  }

  /** The {@code node} executable: {@code $NODE} if set, else {@code node} on the PATH. */
  public static String nodeExecutable() {
    String configured = System.getenv("NODE");
    return configured == null || configured.isBlank() ? "node" : configured;
  }
}

package com.microsoft.kusto.spark.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The NOTICE file at the root lists the third-party code the published jars bundle, each component with the Java
 * packages it brings ({@code Packages:} lines). Checked against the shaded jars themselves, so a new dependency
 * cannot ship unlisted and a dropped one cannot stay listed.
 */
class NoticeCoversBundledCodeTest {
  private static final String SHADED_PREFIX = "com/microsoft/kusto/spark/shaded/";
  private static final String OWN_PREFIX = "com/microsoft/kusto/spark/";
  private static final String PACKAGES_LINE = "Packages:";

  @Test
  void everyBundledPackageIsListedAndEveryListedPackageIsBundled() throws IOException {
    List<String> listed = noticePackages();
    assertThat(listed).as("'Packages:' lines in NOTICE").isNotEmpty();

    TreeSet<String> bundled = new TreeSet<>();
    for (String adapter : ShadedJarContentsTest.adapters()) {
      bundled.addAll(bundledPackages(ShadedJarContentsTest.adapterJar(adapter)));
    }
    assertThat(bundled).as("third-party packages in the adapter jars").isNotEmpty();

    List<String> unlisted = new ArrayList<>();
    for (String pkg : bundled) {
      if (listed.stream().noneMatch(prefix -> within(pkg, prefix))) {
        unlisted.add(pkg);
      }
    }
    assertThat(unlisted).as("bundled packages that no NOTICE entry covers (add the component, its license and a"
        + " 'Packages:' line to NOTICE)").isEmpty();

    List<String> stale = new ArrayList<>();
    for (String prefix : listed) {
      if (bundled.stream().noneMatch(pkg -> within(pkg, prefix))) {
        stale.add(prefix);
      }
    }
    assertThat(stale).as("NOTICE 'Packages:' entries that no adapter jar bundles any more").isEmpty();
  }

  private static boolean within(String pkg, String prefix) {
    return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
  }

  private static List<String> noticePackages() throws IOException {
    Path notice = Paths.get(System.getProperty("adapter.poms.dir"), "NOTICE");
    List<String> packages = new ArrayList<>();
    for (String line : Files.readAllLines(notice, StandardCharsets.UTF_8)) {
      String trimmed = line.trim();
      if (trimmed.startsWith(PACKAGES_LINE)) {
        for (String pkg : trimmed.substring(PACKAGES_LINE.length()).split(",")) {
          packages.add(pkg.trim());
        }
      }
    }
    return packages;
  }

  /** Third-party packages of a jar as they were before relocation; our own classes are left out. */
  private static TreeSet<String> bundledPackages(Path jarPath) throws IOException {
    TreeSet<String> packages = new TreeSet<>();
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!name.endsWith(".class") || name.lastIndexOf('/') < 0) {
          continue;
        }
        String dir = name.substring(0, name.lastIndexOf('/') + 1);
        if (dir.startsWith(SHADED_PREFIX)) {
          packages.add(dotted(dir.substring(SHADED_PREFIX.length())));
        } else if (!dir.startsWith(OWN_PREFIX)) {
          packages.add(dotted(dir));
        }
      }
    }
    return packages;
  }

  private static String dotted(String dir) {
    return dir.substring(0, dir.length() - 1).replace('/', '.');
  }
}

package com.microsoft.kusto.spark.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The published adapter jars bundle their dependencies relocated under one prefix, so they cannot clash with the
 * jackson, netty or azure versions on a Spark cluster. Fails on any class left unrelocated. Every adapter module of
 * the reactor ({@code kusto-spark_<spark>_<scala>} with jar packaging) is checked: a new Spark line cannot skip this.
 */
class ShadedJarContentsTest {
  /** Class-file prefixes a published jar may hold: ours (incl. the relocated bundle) and the Kusto SDK's API. */
  private static final List<String> ALLOWED_CLASS_PREFIXES =
      List.of("com/microsoft/kusto/spark/", "com/microsoft/azure/kusto/data/", "com/microsoft/azure/kusto/ingest/");

  private static final String SHADED_PREFIX = "com/microsoft/kusto/spark/shaded/";

  /** Adapters that exist for sure; a discovery that misses them is broken, not green. */
  private static final List<String> KNOWN_ADAPTERS = List.of("kusto-spark_3.0_2.12", "kusto-spark_2.4_2.11");

  /** The reactor's adapter modules: {@code kusto-spark_<spark>_<scala>} directories whose POM builds a jar. */
  static List<String> adapters() throws IOException {
    Path root = Paths.get(System.getProperty("adapter.poms.dir"));
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(dir -> dir.getFileName().toString().matches("kusto-spark_\\d+\\.\\d+_\\d+\\.\\d+"))
          .filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
          .filter(ShadedJarContentsTest::buildsAJar)
          .map(dir -> dir.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static boolean buildsAJar(Path moduleDir) {
    try {
      Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(moduleDir.resolve("pom.xml").toFile()).getDocumentElement();
      NodeList children = project.getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        if ("packaging".equals(children.item(i).getNodeName())) {
          return "jar".equals(children.item(i).getTextContent().trim());
        }
      }
      return true;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + moduleDir.resolve("pom.xml"), e);
    }
  }

  @Test
  void everyAdapterModuleOfTheReactorIsChecked() throws IOException {
    assertThat(adapters()).containsAll(KNOWN_ADAPTERS);
    for (String artifact : adapters()) {
      assertThat(adapterJar(artifact)).isRegularFile();
    }
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void everyBundledClassIsRelocated(String artifact) throws IOException {
    List<String> unrelocated = new ArrayList<>();
    int shaded = 0;
    try (JarFile jar = new JarFile(adapterJar(artifact).toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        if (name.startsWith(SHADED_PREFIX)) {
          shaded++;
        } else if (ALLOWED_CLASS_PREFIXES.stream().noneMatch(name::startsWith)) {
          unrelocated.add(name);
        }
      }
    }
    assertThat(unrelocated).as("classes outside the relocation prefix in %s", artifact).isEmpty();
    assertThat(shaded).as("relocated third-party classes in %s", artifact).isPositive();
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void serviceFilesNameOnlyRelocatedOrSparkInterfaces(String artifact) throws IOException {
    List<String> bad = new ArrayList<>();
    try (JarFile jar = new JarFile(adapterJar(artifact).toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.startsWith("META-INF/services/") && !entry.isDirectory()) {
          String service = name.substring("META-INF/services/".length());
          if (!service.startsWith("com.microsoft.kusto.spark.") && !service.startsWith("org.apache.spark.")) {
            bad.add(service);
          }
        }
      }
    }
    assertThat(bad).as("service registrations of unrelocated interfaces in %s", artifact).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void carriesTheProjectsLicenseAndNoticeAndNoOtherNotice(String artifact) throws IOException {
    Path root = Paths.get(System.getProperty("adapter.poms.dir"));
    List<String> notices = new ArrayList<>();
    try (JarFile jar = new JarFile(adapterJar(artifact).toFile())) {
      for (String file : List.of("LICENSE", "NOTICE")) {
        JarEntry entry = jar.getJarEntry("META-INF/" + file);
        assertThat(entry).as("META-INF/%s in %s", file, artifact).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .as("META-INF/%s in %s", file, artifact).isEqualTo(Files.readString(root.resolve(file)));
        }
      }
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (entry.getName().toUpperCase(Locale.ROOT).startsWith("META-INF/NOTICE")) {
          notices.add(entry.getName());
        }
      }
    }
    // The bundled components' notices are gathered in the project's NOTICE; a second one would contradict it.
    assertThat(notices).as("notice files in %s", artifact).containsExactly("META-INF/NOTICE");
  }

  @ParameterizedTest
  @MethodSource("adapters")
  void publishedPomLeavesOnlyProvidedDependencies(String artifact) throws Exception {
    Path pom = Paths.get(System.getProperty("adapter.poms.dir"), artifact, "target", "dependency-reduced-pom.xml");
    assertThat(pom).exists();
    Element project =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    NodeList dependencies = project.getElementsByTagName("dependency");
    List<String> runtimeDependencies = new ArrayList<>();
    boolean sparkProvided = false;
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String coordinates = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
      String scope = text(dependency, "scope");
      if (coordinates.startsWith("org.apache.spark:spark-sql_")) {
        sparkProvided = "provided".equals(scope);
      }
      if (scope.isEmpty() || "compile".equals(scope) || "runtime".equals(scope)) {
        runtimeDependencies.add(coordinates);
      }
    }
    assertThat(sparkProvided).as("spark-sql is a provided dependency of %s", artifact).isTrue();
    assertThat(runtimeDependencies).as("dependencies a user of %s would download", artifact).isEmpty();
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  /**
   * The published jar of an adapter: the copy this module's copy-adapter-jars execution made, else the jar in the
   * adapter module's own target directory (a line whose jar this module does not copy yet is still checked, as long
   * as the reactor built it first, which it does: adapters come before kusto-spark-it in the module list).
   */
  static Path adapterJar(String artifact) throws IOException {
    Path copied = Paths.get(System.getProperty("adapter.jars.dir"), artifact + ".jar");
    if (Files.exists(copied)) {
      return copied;
    }
    Path target = Paths.get(System.getProperty("adapter.poms.dir"), artifact, "target");
    List<Path> built = new ArrayList<>();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        files.filter(file -> {
          String name = file.getFileName().toString();
          return name.startsWith(artifact + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
              && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
        }).forEach(built::add);
      }
    }
    assertThat(built).as("shaded jar of adapter module %s: neither %s nor a jar in %s; build the adapter before"
        + " kusto-spark-it (add it to the dependencies and the copy-adapter-jars execution of kusto-spark-it/pom.xml)",
        artifact, copied, target).hasSize(1);
    return built.get(0);
  }
}

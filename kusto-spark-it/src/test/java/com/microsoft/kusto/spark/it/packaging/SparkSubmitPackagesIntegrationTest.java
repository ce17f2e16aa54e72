package com.microsoft.kusto.spark.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.spark.it.fixture.EmulatedKusto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user installs the connector as any Spark package: {@code spark-submit --packages
 * io.github.kustospark:<adapter>:<version>}. This runs Spark's own {@code SparkSubmit} for the Spark line of this
 * failsafe execution in a child JVM, resolving the published adapter (shaded jar + dependency-reduced POM) from the
 * local Maven repository, and submits the samples' {@code RoundTripJob}, which writes rows to the local endpoint and
 * reads part of them back. The rows are then checked in Kusto, and Ivy must have delivered the adapter jar alone.
 *
 * <p>Inputs are system properties set by the line's failsafe execution; see kusto-spark-it/pom.xml.
 */
class SparkSubmitPackagesIntegrationTest {
  private static final String GROUP_ID = "io.github.kustospark";
  private static final String JOB_CLASS = "com.microsoft.kusto.spark.samples.job.RoundTripJob";
  private static final int ROWS = 1000;
  private static final long TIMEOUT_SECONDS = 300;

  private static EmulatedKusto kusto;

  @BeforeAll
  static void start() {
    kusto = EmulatedKusto.start();
  }

  @AfterAll
  static void stop() {
    if (kusto != null) {
      kusto.close();
    }
  }

  @Test
  void packagesResolvesTheAdapterAloneAndTheSampleJobWritesAndReadsKusto() throws Exception {
    String adapter = required("it.adapter.artifactId");
    String version = required("it.project.version");
    Path sampleJar = Paths.get(required("it.sample.jar"));
    assertThat(sampleJar).as("samples job jar (built by the reactor before this module)").exists();
    String sparkClasspath =
        Files.readString(Paths.get(required("it.spark.classpath.file")), StandardCharsets.UTF_8).trim();
    Path localRepo = Paths.get(required("it.local.repo")).toAbsolutePath();
    assertThat(localRepo.resolve(Paths.get(GROUP_ID.replace('.', '/'), adapter, version,
        adapter + "-" + version + ".pom")))
        .as("%s installed in the local Maven repository, where --packages resolves it: run 'mvn install'", adapter)
        .exists();
    Path work = Paths.get(System.getProperty("basedir", "."), "target", "spark-submit", adapter);
    Path ivy = work.resolve("ivy");
    deleteRecursively(ivy); // a SNAPSHOT resolved by an earlier build must not be reused
    String table = "Packages_" + adapter.replaceAll("[^A-Za-z0-9]", "_");
    String cluster = kusto.engineUrl().replace("://localhost:", "://127.0.0.1:");

    SparkSubmitRun.Outcome outcome = new SparkSubmitRun(System.getProperty("it.spark.jvmFlags", ""), sparkClasspath)
        .args("--master", "local[2]",
            "--conf", "spark.ui.enabled=false",
            "--conf", "spark.driver.host=127.0.0.1",
            "--conf", "spark.driver.bindAddress=127.0.0.1",
            "--conf", "spark.jars.ivy=" + ivy,
            "--packages", GROUP_ID + ":" + adapter + ":" + version,
            "--repositories", localRepo.toUri().toString(),
            "--class", JOB_CLASS, sampleJar.toString(),
            cluster, EmulatedKusto.DB, table, String.valueOf(ROWS))
        .run(work.resolve("spark-submit.log"), TIMEOUT_SECONDS);

    assertThat(outcome.exitCode()).as("spark-submit exit code; command %s; output:%n%s", outcome.command(),
        lastLines(outcome.output())).isZero();
    assertThat(outcome.output()).as("the job's own check")
        .contains("ROUND TRIP OK table=" + table + " written=" + ROWS + " readBack=" + (ROWS - ROWS / 2));

    // Ivy resolved the published POM and fetched nothing but the shaded adapter: it bundles its dependencies.
    try (Stream<Path> jars = Files.list(ivy.resolve("jars"))) {
      assertThat(jars.map(jar -> jar.getFileName().toString()).collect(Collectors.toList()))
          .containsExactly(GROUP_ID + "_" + adapter + "-" + version + ".jar");
    }

    // Checked in Kusto, not in the job's word: every row once.
    assertThat(kusto.firstRow(table + " | summarize n = count(), d = dcount(id), lo = min(id), hi = max(id),"
        + " named = countif(name == strcat('row ', tostring(id)))"))
        .containsExactly(String.valueOf(ROWS), String.valueOf(ROWS), "0", String.valueOf(ROWS - 1),
            String.valueOf(ROWS));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property '%s': each Spark line's failsafe execution sets it"
        + " (see kusto-spark-it/pom.xml, SparkSubmitPackagesIntegrationTest)", property).isNotBlank();
    return value;
  }

  private static String lastLines(String output) {
    List<String> lines = output.lines().collect(Collectors.toList());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(path);
      }
    }
  }
}

package com.microsoft.kusto.emulator.kql;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kusto.emulator.KustoRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every text, even a malformed one, either compiles to SQL that DuckDB runs or is refused with a Kusto-shaped
 * error: never an internal exception (which the server would answer with a 500) or SQL DuckDB rejects.
 */
class KqlRobustnessTest {
  private static final String[] QUERIES = {
    "T | where n > 1 and s has 'america' | extend x = strlen(s) * 2 | project s, x, d.a",
    "T | summarize count(), sum(l), avg(r) by bin(ts, 1d), b | sort by count_ desc nulls first | take 3",
    "let k = 2; T | where n between (1 .. k) or s in~ ('europe') | top 2 by l asc",
    "datatable(a:int, b:string)[1, 'x', -2, \"y\"] | extend c = iif(a > 0, b, strcat(b, '!')) | distinct c",
    "declare query_parameters(p:long = 3); T | where l != p | project-rename q = l | project-away s* | count",
    "print t = datetime(2024-01-02T03:04:05Z) + 1h, u = tostring(time(1.02:03:04)), v = dynamic({'a': [1, 2]}).a[1]",
    "T | extend h = hash(s, 4) | where h == 0 or isnull(l) | getschema",
  };

  /** Fragments inserted at every position: brackets, quotes, operators, keywords. */
  private static final String[] INSERTIONS = {"(", ")", "'", "|", ",", "-", "[", "]", ".", " by ", " and ", "=", "!"};

  private static KqlTestDatabase db;

  @BeforeAll
  static void setUp() {
    db = KqlTestDatabase.withSampleTable();
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void everyPrefixDeletionAndInsertionCompilesToRunnableSqlOrIsAKustoError() {
    List<String> problems = new ArrayList<>();
    int compiled = 0;
    for (String query : QUERIES) {
      List<String> variants = new ArrayList<>();
      for (int i = 0; i <= query.length(); i++) {
        variants.add(query.substring(0, i));
        if (i < query.length()) {
          variants.add(query.substring(0, i) + query.substring(i + 1));
          for (String inserted : INSERTIONS) {
            variants.add(query.substring(0, i) + inserted + query.substring(i));
          }
        }
      }
      for (String text : variants) {
        CompiledQuery q;
        try {
          q = db.engine().compile(KqlTestDatabase.DB, text, Map.of());
        } catch (KustoRequestException e) {
          continue;
        } catch (RuntimeException | StackOverflowError e) {
          problems.add("[" + text + "] threw " + e);
          continue;
        }
        compiled++;
        try {
          db.execute(q);
        } catch (AssertionError e) {
          problems.add("[" + text + "] compiled to SQL DuckDB rejects: " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(compiled).as("variants that compiled and ran").isGreaterThan(50);
  }
}

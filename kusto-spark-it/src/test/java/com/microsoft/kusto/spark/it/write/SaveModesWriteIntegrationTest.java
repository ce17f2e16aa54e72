package com.microsoft.kusto.spark.it.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.kusto.spark.testing.LocalSpark;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code df.write().mode(...)}: Append adds, Overwrite replaces the table's data atomically (the old rows stay until
 * the new ones are all in, also when the write fails), ErrorIfExists and Ignore keep an existing table's rows.
 */
class SaveModesWriteIntegrationTest {
  private static WriteKit kit;

  @BeforeAll
  static void start() {
    kit = WriteKit.start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @AfterEach
  void clearFaults() {
    kit.faults().clear();
  }

  /** Spark 2.4 hands every save mode to the source; Spark 3 and later refuse these two for a catalog-less source. */
  private static boolean sparkChecksCreateModes() {
    return !LocalSpark.session().version().startsWith("2.");
  }

  @Test
  void appendAddsEveryRowOfEveryPartitionOnce() {
    kit.createWithOldRows("Appended");
    kit.writer(WriteKit.people(0, 2000, 3), "Appended").mode(SaveMode.Append).save();

    assertThat(kit.idStats("Appended")).isEqualTo("2002 2002 -2 1999");
    assertThat(kit.queryColumn("Appended | where id == 1234 | project name", "name")).containsExactly("name 1234");
    assertThat(kit.tempTables("Appended")).isEmpty();
  }

  @Test
  void overwriteKeepsTheOldRowsWhileWritingAndThenHoldsOnlyTheNewOnes() {
    kit.createWithOldRows("Replaced");
    AtomicLong seenWhileWriting = new AtomicLong(-1);
    long rows = 1500;
    kit.writer(RowHook.onRow(WriteKit.people(0, rows, 1), rows - 1,
        () -> seenWhileWriting.set(kit.count("Replaced"))), "Replaced").mode(SaveMode.Overwrite).save();

    assertThat(seenWhileWriting.get()).as("rows readers saw while the last new row was written").isEqualTo(2);
    assertThat(kit.idStats("Replaced")).isEqualTo("1500 1500 0 1499");
    assertThat(kit.tempTables("Replaced")).isEmpty();
  }

  @Test
  void aFailedOverwriteKeepsTheOldRows() {
    kit.createWithOldRows("NotReplaced");
    kit.faults().failIngestionOfBlobs(name -> name.contains("/req_overfail_0_0_"));

    assertThatThrownBy(() -> kit.writer(WriteKit.people(0, 300, 2), "NotReplaced", "requestId", "req-overfail")
        .mode(SaveMode.Overwrite).save())
        .hasStackTraceContaining("Cannot write to table 'NotReplaced' (request id 'req-overfail')");
    assertThat(kit.queryColumn("NotReplaced | project name", "name")).containsExactly("old", "old");
    assertThat(kit.tempTables("NotReplaced")).isEmpty();
  }

  @Test
  void errorIfExistsFailsOnAnExistingTableAndLeavesItsRows() {
    kit.createWithOldRows("Exists");
    assertThatThrownBy(() -> kit.writer(WriteKit.people(0, 10, 1), "Exists").mode(SaveMode.ErrorIfExists).save())
        .satisfies(e -> {
          if (sparkChecksCreateModes()) {
            assertThat(e).hasMessageContaining("ErrorIfExists").hasMessageContainingAll("Append", "Overwrite");
          } else {
            assertThat(e).hasStackTraceContaining("'Exists'").hasStackTraceContaining("ErrorIfExists");
          }
        });
    assertThat(kit.queryColumn("Exists | project name", "name")).containsExactly("old", "old");
  }

  @Test
  void ignoreLeavesAnExistingTableAsItIs() {
    kit.createWithOldRows("Ignored");
    if (sparkChecksCreateModes()) {
      assertThatThrownBy(() -> kit.writer(WriteKit.people(0, 10, 1), "Ignored").mode(SaveMode.Ignore).save())
          .hasMessageContaining("Ignore").hasMessageContainingAll("Append", "Overwrite");
    } else {
      kit.writer(WriteKit.people(0, 10, 1), "Ignored").mode(SaveMode.Ignore).save();
    }
    assertThat(kit.queryColumn("Ignored | project name", "name")).containsExactly("old", "old");
  }

  @Test
  void errorIfExistsOnAMissingTableCreatesItWhereSparkLetsTheSourceDecide() {
    if (sparkChecksCreateModes()) {
      assertThatThrownBy(() -> kit.writer(WriteKit.people(0, 10, 1), "Fresh", "tableCreateOptions",
          "CreateIfNotExist").mode(SaveMode.ErrorIfExists).save()).hasMessageContaining("ErrorIfExists");
      assertThat(kit.tableExists("Fresh")).isFalse();
    } else {
      kit.writer(WriteKit.people(0, 10, 1), "Fresh", "tableCreateOptions", "CreateIfNotExist")
          .mode(SaveMode.ErrorIfExists).save();
      assertThat(kit.idStats("Fresh")).isEqualTo("10 10 0 9");
    }
  }
}

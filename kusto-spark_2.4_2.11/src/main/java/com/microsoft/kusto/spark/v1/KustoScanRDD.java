package com.microsoft.kusto.spark.v1;

import com.microsoft.kusto.spark.common.schema.KustoType;
import com.microsoft.kusto.spark.common.util.RedactedException;
import com.microsoft.kusto.spark.read.CloseableRows;
import com.microsoft.kusto.spark.read.PlannedRead;
import com.microsoft.kusto.spark.read.ReadSlice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Dependency;
import org.apache.spark.InterruptibleIterator;
import org.apache.spark.Partition;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag$;

/**
 * The rows of one planned read. Partitions are planned lazily, when a job first needs them, not in
 * {@code buildScan}: Spark 2.4 calls {@code buildScan} while planning, also for {@code explain()}, which must not
 * run a row count or an export. Planning happens once per RDD (Spark caches the partitions), so task retries and
 * recomputations of this RDD read the same exported blobs; they are deleted after this RDD is garbage collected.
 */
final class KustoScanRDD extends RDD<InternalRow> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(KustoScanRDD.class);

  /** Driver only: executors get the slices inside the partitions. */
  private final transient PlannedRead plan;
  private final StructType schema;
  private final HashMap<String, KustoType> kustoTypes;

  KustoScanRDD(SparkContext context, PlannedRead plan, StructType schema, Map<String, KustoType> kustoTypes) {
    super(context, JavaConverters.asScalaBufferConverter(new ArrayList<Dependency<?>>()).asScala(),
        ClassTag$.MODULE$.apply(InternalRow.class));
    this.plan = plan;
    this.schema = schema;
    this.kustoTypes = new HashMap<>(kustoTypes);
  }

  @Override
  public Partition[] getPartitions() {
    List<ReadSlice> slices = plan.slices(this);
    Partition[] partitions = new Partition[slices.size()];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] = new KustoSlicePartition(i, slices.get(i));
    }
    return partitions;
  }

  @Override
  public scala.collection.Iterator<InternalRow> compute(Partition split, TaskContext context) {
    CloseableRows rows = ((KustoSlicePartition) split).slice().open(schema, kustoTypes, context.attemptNumber());
    context.addTaskCompletionListener(new TaskCompletionListener() {
      @Override
      public void onTaskCompletion(TaskContext done) {
        try {
          rows.close();
        } catch (IOException | RuntimeException e) {
          LOG.warn("Could not close the rows of Kusto read partition {}", split.index(), RedactedException.of(e));
        }
      }
    });
    return new InterruptibleIterator<>(context, JavaConverters.asScalaIteratorConverter(rows).asScala());
  }
}

/**
 * The Spark-free write path: driver preparation ({@link com.microsoft.kusto.spark.common.write.TableWritePreparation}
 * → a serializable {@link com.microsoft.kusto.spark.common.write.WritePlan}), executor row sinks
 * ({@link com.microsoft.kusto.spark.common.write.PartitionWriters} → one
 * {@link com.microsoft.kusto.spark.common.write.PartitionResult} per partition) and driver finalization
 * ({@link com.microsoft.kusto.spark.common.write.TransactionalCommit}). Streaming micro-batches are made idempotent
 * by {@link com.microsoft.kusto.spark.common.write.MicroBatchIdempotence}.
 */
package com.microsoft.kusto.spark.common.write;

// kusto-spark quick start in Scala: the same flows as samples/.../QuickStart.java. Not compiled by the build.
//
// Writes a DataFrame with a column of every Spark type to Kusto, reads part of it back with a filter and a
// projection that the connector pushes into KQL (explain() prints that KQL), then streams three micro-batches.
//
// Set KUSTO_CLUSTER and KUSTO_DATABASE (plus KUSTO_AAD_APP_ID, KUSTO_AAD_APP_SECRET and KUSTO_AAD_AUTHORITY_ID for
// a real cluster; the application needs the database's admin role), then in spark-shell:
//
//   spark-shell --packages io.github.kustospark:kusto-spark_3.0_2.12:0.1.0-SNAPSHOT
//   scala> :load samples/src/main/scala-example/QuickStart.scala
//   scala> QuickStart.run(spark)
//
// For the local endpoint, start it from the checkout after `mvn -B -ntp -DskipTests install`:
//   java -jar kusto-emulator/target/kusto-emulator-0.1.0-SNAPSHOT-standalone.jar --port 8080 --database db &
//   export KUSTO_CLUSTER=http://127.0.0.1:8080 KUSTO_DATABASE=db

import java.nio.charset.StandardCharsets
import java.nio.file.{Files, StandardCopyOption}
import java.sql.{Date, Timestamp}
import java.time.{Instant, LocalDate}
import java.util.UUID

import org.apache.spark.sql.{Row, SparkSession}
import org.apache.spark.sql.functions.col
import org.apache.spark.sql.types._

object QuickStart {
  private val environment = Seq(
    "KUSTO_CLUSTER" -> "kustoCluster",
    "KUSTO_DATABASE" -> "kustoDatabase",
    "KUSTO_AAD_APP_ID" -> "kustoAadAppId",
    "KUSTO_AAD_APP_SECRET" -> "kustoAadAppSecret",
    "KUSTO_AAD_AUTHORITY_ID" -> "kustoAadAuthorityID")

  val schema: StructType = new StructType()
    .add("id", IntegerType).add("flag", BooleanType).add("tiny", ByteType).add("small", ShortType)
    .add("big", LongType).add("ratio", FloatType).add("measure", DoubleType).add("amount", DecimalType(38, 18))
    .add("name", StringType).add("payload", BinaryType).add("day", DateType).add("at", TimestampType)
    .add("tags", ArrayType(StringType)).add("counts", MapType(StringType, IntegerType))
    .add("point", new StructType().add("x", DoubleType).add("y", DoubleType))

  def kustoOptions(): Map[String, String] = {
    val options = environment.flatMap { case (env, key) => sys.env.get(env).filter(_.nonEmpty).map(key -> _) }.toMap
    require(options.contains("kustoCluster") && options.contains("kustoDatabase"),
      "Set KUSTO_CLUSTER and KUSTO_DATABASE (and the KUSTO_AAD_* credentials for a real cluster).")
    options
  }

  def allTypesRows(count: Int): Seq[Row] = {
    val start = Instant.parse("2024-03-10T10:30:00.123456Z")
    val full = (1 to count).map { i =>
      Row(i, i % 2 == 0, (-i).toByte, (1000 * i).toShort, 9007199254740993L * i, i / 3f, math.Pi * i,
        BigDecimal("1234567890.123456789012345678") * i,
        if (i % 2 == 0) s"row $i" else s"""Row "$i", ü""", Array[Byte](0, i.toByte, -1),
        Date.valueOf(LocalDate.of(2024, 1, i)), Timestamp.from(start.plusSeconds(3600L * i)),
        Seq(s"a$i", s"b$i"), Map(s"k$i" -> i), Row(i * 1.5, -i * 1.5))
    }
    full :+ Row.fromSeq((count + 1) +: Seq.fill(schema.length - 1)(null))
  }

  def batchRoundTrip(spark: SparkSession, kusto: Map[String, String], table: String): Unit = {
    val data = spark.createDataFrame(spark.sparkContext.parallelize(allTypesRows(6)), schema)
    println(s"Writing ${data.count()} rows (every Spark type) to table $table ...")
    // Overwrite replaces the table's rows atomically; CreateIfNotExist creates the table from the schema.
    data.write.format("kusto").options(kusto)
      .option("kustoTable", table).option("tableCreateOptions", "CreateIfNotExist")
      .mode("overwrite").save()

    val back = spark.read.format("kusto").options(kusto).option("kustoQuery", table).load()
      .filter(col("big") > 9007199254740993L && col("name").startsWith("row"))
      .select("id", "name", "amount", "at", "tags", "point")
    println("Reading it back with a filter and a projection; the plan shows the KQL sent to Kusto (kql=...):")
    back.explain()
    back.orderBy("id").collect().foreach(row => println(s"  $row"))
  }

  def streamingIngest(spark: SparkSession, kusto: Map[String, String], table: String,
      batches: Int = 3, rowsPerBatch: Int = 100): Unit = {
    val run = UUID.randomUUID().toString
    val work = Files.createTempDirectory("kusto-spark-quickstart")
    val source = Files.createDirectories(work.resolve("input"))
    println(s"Streaming $batches micro-batches of $rowsPerBatch rows to table $table (run $run) ...")
    val query = spark.readStream.schema("run STRING, batch INT, seq LONG, reading DOUBLE")
      .option("maxFilesPerTrigger", "1").json(source.toString)
      .writeStream.format("kusto").options(kusto)
      .option("kustoTable", table).option("tableCreateOptions", "CreateIfNotExist")
      .option("checkpointLocation", work.resolve("checkpoint").toString)
      .start()
    try {
      for (batch <- 0 until batches) {
        val lines = (0 until rowsPerBatch).map { i =>
          val seq = batch.toLong * rowsPerBatch + i
          s"""{"run":"$run","batch":$batch,"seq":$seq,"reading":${seq * 0.5}}"""
        }.mkString("", "\n", "\n")
        val staged = Files.write(work.resolve(s"batch-$batch.json"), lines.getBytes(StandardCharsets.UTF_8))
        // Moved in at once, so the stream never sees half a file.
        Files.move(staged, source.resolve(staged.getFileName), StandardCopyOption.ATOMIC_MOVE)
        query.processAllAvailable()
        // The last batch that read rows (an idle trigger may report a progress of its own right after it).
        val progress = query.recentProgress.filter(_.numInputRows > 0).last
        println(s"  micro-batch ${progress.batchId}: ${progress.numInputRows} rows committed to Kusto")
      }
    } finally {
      query.stop()
    }
    val inKusto = spark.read.format("kusto").options(kusto).option("kustoQuery", table).load()
      .filter(col("run") === run).count()
    println(s"Stream stopped: $inKusto rows of this run in $table.")
  }

  def run(spark: SparkSession): Unit = {
    val kusto = kustoOptions()
    println("== 1. Batch write and read ==")
    batchRoundTrip(spark, kusto, "QuickStartAllTypes")
    println("== 2. Structured streaming into Kusto ==")
    streamingIngest(spark, kusto, "QuickStartEvents")
    println("Done.")
  }

  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder.appName("kusto-spark quick start (Scala)")
      .config("spark.sql.session.timeZone", "UTC").getOrCreate()
    try run(spark) finally spark.stop()
  }
}

"""kusto-spark quick start in PySpark: the same flows as samples/.../QuickStart.java.

Writes a DataFrame with a column of every Spark type to Kusto, reads part of it back with a filter and a projection
that the connector pushes into KQL (explain() prints that KQL), then streams three micro-batches into a table.

Run it against your cluster (the application needs the database's admin role: the script creates two tables):

    export KUSTO_CLUSTER=https://<cluster>.<region>.kusto.windows.net KUSTO_DATABASE=<database>
    export KUSTO_AAD_APP_ID=<application id> KUSTO_AAD_APP_SECRET=<secret> KUSTO_AAD_AUTHORITY_ID=<tenant id>
    spark-submit --packages io.github.kustospark:kusto-spark_3.0_2.12:0.1.0-SNAPSHOT samples/python/quickstart.py

or against the local endpoint, started from the checkout after `mvn -B -ntp -DskipTests install`:

    java -jar kusto-emulator/target/kusto-emulator-0.1.0-SNAPSHOT-standalone.jar --port 8080 --database db &
    KUSTO_CLUSTER=http://127.0.0.1:8080 KUSTO_DATABASE=db spark-submit --packages ... samples/python/quickstart.py

(add `--repositories file://$HOME/.m2/repository` while the artifact is only in your local Maven repository).
"""
import datetime
import decimal
import json
import os
import shutil
import tempfile
import uuid

from pyspark.sql import SparkSession, functions as F, types as T

ENVIRONMENT = {
    "KUSTO_CLUSTER": "kustoCluster",
    "KUSTO_DATABASE": "kustoDatabase",
    "KUSTO_AAD_APP_ID": "kustoAadAppId",
    "KUSTO_AAD_APP_SECRET": "kustoAadAppSecret",
    "KUSTO_AAD_AUTHORITY_ID": "kustoAadAuthorityID",
}

SCHEMA = T.StructType([
    T.StructField("id", T.IntegerType()),
    T.StructField("flag", T.BooleanType()),
    T.StructField("tiny", T.ByteType()),
    T.StructField("small", T.ShortType()),
    T.StructField("big", T.LongType()),
    T.StructField("ratio", T.FloatType()),
    T.StructField("measure", T.DoubleType()),
    T.StructField("amount", T.DecimalType(38, 18)),
    T.StructField("name", T.StringType()),
    T.StructField("payload", T.BinaryType()),
    T.StructField("day", T.DateType()),
    T.StructField("at", T.TimestampType()),
    T.StructField("tags", T.ArrayType(T.StringType())),
    T.StructField("counts", T.MapType(T.StringType(), T.IntegerType())),
    T.StructField("point", T.StructType([T.StructField("x", T.DoubleType()), T.StructField("y", T.DoubleType())])),
])

EVENTS_SCHEMA = "run STRING, batch INT, seq LONG, reading DOUBLE"


def kusto_options():
    options = {key: os.environ[env] for env, key in ENVIRONMENT.items() if os.environ.get(env)}
    if "kustoCluster" not in options or "kustoDatabase" not in options:
        raise SystemExit("Set KUSTO_CLUSTER and KUSTO_DATABASE (and the KUSTO_AAD_* credentials for a real cluster).")
    return options


def all_types_rows(count):
    start = datetime.datetime(2024, 3, 10, 10, 30, 0, 123456, tzinfo=datetime.timezone.utc)
    rows = []
    for i in range(1, count + 1):
        rows.append((
            i, i % 2 == 0, -i, 1000 * i, 9007199254740993 * i, i / 3.0, 3.141592653589793 * i,
            decimal.Decimal("1234567890.123456789012345678") * i,
            "row %d" % i if i % 2 == 0 else 'Row "%d", \u00fc' % i, bytearray([0, i, 255]),
            datetime.date(2024, 1, i), start + datetime.timedelta(hours=i),
            ["a%d" % i, "b%d" % i], {"k%d" % i: i}, (i * 1.5, -i * 1.5)))
    rows.append((count + 1,) + (None,) * (len(SCHEMA.fields) - 1))
    return rows


def batch_round_trip(spark, kusto, table):
    data = spark.createDataFrame(all_types_rows(6), SCHEMA)
    print("Writing %d rows (every Spark type) to table %s ..." % (data.count(), table))
    # Overwrite replaces the table's rows atomically; CreateIfNotExist creates the table from the schema.
    (data.write.format("kusto").options(**kusto)
        .option("kustoTable", table).option("tableCreateOptions", "CreateIfNotExist")
        .mode("overwrite").save())

    back = (spark.read.format("kusto").options(**kusto).option("kustoQuery", table).load()
            .filter((F.col("big") > 9007199254740993) & F.col("name").startswith("row"))
            .select("id", "name", "amount", "at", "tags", "point"))
    print("Reading it back with a filter and a projection; the plan shows the KQL sent to Kusto (kql=...):")
    back.explain()
    for row in back.orderBy("id").collect():
        print("  ", row)


def streaming_ingest(spark, kusto, table, batches=3, rows_per_batch=100):
    run = str(uuid.uuid4())
    work = tempfile.mkdtemp(prefix="kusto-spark-quickstart")
    source = os.path.join(work, "input")
    os.makedirs(source)
    print("Streaming %d micro-batches of %d rows to table %s (run %s) ..." % (batches, rows_per_batch, table, run))
    query = (spark.readStream.schema(EVENTS_SCHEMA).option("maxFilesPerTrigger", "1").json(source)
             .writeStream.format("kusto").options(**kusto)
             .option("kustoTable", table).option("tableCreateOptions", "CreateIfNotExist")
             .option("checkpointLocation", os.path.join(work, "checkpoint"))
             .start())
    try:
        for batch in range(batches):
            staged = os.path.join(work, "batch-%d.json" % batch)
            with open(staged, "w") as out:
                for i in range(rows_per_batch):
                    seq = batch * rows_per_batch + i
                    out.write(json.dumps({"run": run, "batch": batch, "seq": seq, "reading": seq * 0.5}) + "\n")
            os.rename(staged, os.path.join(source, os.path.basename(staged)))  # the stream never sees half a file
            query.processAllAvailable()
            # The last batch that read rows (an idle trigger may report a progress of its own right after it).
            progress = [p for p in query.recentProgress if p["numInputRows"] > 0][-1]
            print("  micro-batch %d: %d rows committed to Kusto" % (progress["batchId"], progress["numInputRows"]))
    finally:
        query.stop()
        shutil.rmtree(work, ignore_errors=True)
    in_kusto = (spark.read.format("kusto").options(**kusto).option("kustoQuery", table).load()
                .filter(F.col("run") == run).count())
    print("Stream stopped: %d rows of this run in %s." % (in_kusto, table))


def main():
    kusto = kusto_options()
    spark = (SparkSession.builder.appName("kusto-spark quick start (Python)")
             .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    try:
        print("== 1. Batch write and read ==")
        batch_round_trip(spark, kusto, "QuickStartAllTypes")
        print("== 2. Structured streaming into Kusto ==")
        streaming_ingest(spark, kusto, "QuickStartEvents")
        print("Done.")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()

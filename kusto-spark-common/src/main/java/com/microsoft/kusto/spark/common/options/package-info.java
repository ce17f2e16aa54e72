/**
 * User options: one declaration per key, normalisation, validation, and the immutable configurations the rest of
 * the connector works from.
 *
 * <ul>
 *   <li>Declarations: {@link com.microsoft.kusto.spark.common.options.KustoCommonOptions},
 *       {@link com.microsoft.kusto.spark.common.options.KustoReadOptions},
 *       {@link com.microsoft.kusto.spark.common.options.KustoWriteOptions},
 *       {@link com.microsoft.kusto.spark.common.options.KustoDebugOptions},
 *       {@link com.microsoft.kusto.spark.common.options.KustoLegacyOptions}; all listed by
 *       {@link com.microsoft.kusto.spark.common.options.KustoOptionRegistry} (README table:
 *       {@link com.microsoft.kusto.spark.common.options.OptionsDocumentation}).</li>
 *   <li>Adapters call {@link com.microsoft.kusto.spark.common.options.ReadConfig#from(java.util.Map, java.util.Map)}
 *       or {@link com.microsoft.kusto.spark.common.options.WriteConfig#from(java.util.Map, java.util.Map)} once, on
 *       the driver, with the operation's options and the session configuration, and pass the result (it is
 *       {@link java.io.Serializable}) to executors. Every invalid option fails there with an
 *       {@link com.microsoft.kusto.spark.common.error.InvalidOptionException}.</li>
 *   <li>{@link com.microsoft.kusto.spark.common.options.ConnectionConfig} (shared by both) gives the SDK connection
 *       string builders for the engine and the ingestion endpoint and fresh client request properties.</li>
 * </ul>
 */
package com.microsoft.kusto.spark.common.options;

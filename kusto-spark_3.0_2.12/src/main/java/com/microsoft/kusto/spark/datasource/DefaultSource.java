package com.microsoft.kusto.spark.datasource;

import com.microsoft.kusto.spark.v2.KustoTableProvider;

/**
 * The name Spark resolves for {@code format("com.microsoft.kusto.spark.datasource")} (it appends
 * {@code .DefaultSource}); registered for the short name {@code kusto}. All behaviour is in
 * {@link KustoTableProvider}.
 */
public class DefaultSource extends KustoTableProvider {}

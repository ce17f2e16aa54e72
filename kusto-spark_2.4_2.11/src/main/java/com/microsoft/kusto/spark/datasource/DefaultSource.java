package com.microsoft.kusto.spark.datasource;

import com.microsoft.kusto.spark.v1.KustoSourceV1;

/**
 * The name Spark resolves for {@code format("com.microsoft.kusto.spark.datasource")} (it appends
 * {@code .DefaultSource}); registered for the short name {@code kusto}. All behaviour is in {@link KustoSourceV1}.
 */
public class DefaultSource extends KustoSourceV1 {}

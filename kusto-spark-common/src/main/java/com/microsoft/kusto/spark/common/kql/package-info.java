/**
 * The neutral predicate/projection model and everything that turns it into KQL text: {@link
 * com.microsoft.kusto.spark.common.kql.Predicates} (model factories), {@link
 * com.microsoft.kusto.spark.common.kql.KqlPredicateCompiler} (exact SQL-to-KQL semantics, or "not pushable"), {@link
 * com.microsoft.kusto.spark.common.kql.KqlQueryBuilder} (the read query), {@link
 * com.microsoft.kusto.spark.common.kql.KustoCommands} (management commands) and {@link
 * com.microsoft.kusto.spark.common.kql.KqlSyntax} (the one place identifiers and strings are quoted). All output is
 * deterministic and checked against Microsoft's KQL parser in the tests.
 */
package com.microsoft.kusto.spark.common.kql;

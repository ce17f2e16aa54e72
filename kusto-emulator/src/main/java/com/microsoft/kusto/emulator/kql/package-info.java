/**
 * The emulator's KQL front end: {@link com.microsoft.kusto.emulator.kql.KqlQueryEngine} translates a subset of KQL
 * to one DuckDB SELECT over the stored tables.
 *
 * <h2>Pipeline</h2>
 *
 * {@code KqlLexer} (tokens, all string literal forms, timespan and typed literals) → {@code KqlParser} (syntax
 * trees {@code Statement}, {@code TabularOp}, {@code Expr}) → {@code PipelineTranslator} (one CTE per tabular
 * step, every CTE exposing columns {@code c0..cN} in the storage representation of their Kusto types) with
 * {@code ScalarTranslator}, {@code Functions}, {@code Aggregates}, {@code StringPredicates}, {@code Arithmetic},
 * {@code Conversions} and {@code Bins} for expressions, and {@code ColumnNames} for Kusto's automatic column names.
 *
 * <h2>Supported subset</h2>
 *
 * <ul>
 *   <li>Statements: {@code let} (scalars, tabular expressions, table aliases), {@code declare query_parameters}
 *       (values as the SDK sends them), {@code set} of options that cannot change results ({@code notruncation},
 *       {@code truncationmax*}, {@code servertimeout}) and {@code set query_now}; one tabular expression statement.
 *   <li>Sources: tables, {@code print}, {@code datatable}, parenthesized pipelines, {@code union} (kind=outer and
 *       inner, withsource; as a source and as an operator).
 *   <li>Operators: where/filter, extend, project, project-away (with wildcards), project-rename, summarize
 *       (count, countif, sum, avg, min, max, dcount; with and without by, bin), distinct, count, take/limit, top,
 *       sort/order (asc/desc, nulls first/last), getschema, as, mv-expand (arrays and property bags, kind=bag|array,
 *       {@code to typeof()}, with_itemindex, limit), mv-apply (with where, extend, project, summarize, distinct,
 *       take, top and sort in its subquery), union; aggregates make_list and make_set.
 *   <li>Scalars: arithmetic (incl. datetime and timespan), comparisons, and/or/not, ==, !=, =~, !~, in, !in, in~,
 *       !in~, between, !between, has, contains, startswith, endswith, their _cs and negated forms; isnull,
 *       isnotnull, isempty, isnotempty, isnan, isinf, isfinite, hash, to* conversions, parse_json, strcat, strlen,
 *       substring, tolower, toupper, iif/iff, case, coalesce, now, ago, bin/floor, split, array_length, bag_keys;
 *       ingestion_time, cursor_current, cursor_after, cursor_before_or_at (database cursors: ingestion times as
 *       100 ns ticks, strictly increasing per store; see {@code Cursors});
 *       all literal forms, adjacent string literals joined; dynamic access d.a, d['a'], d[0].
 * </ul>
 *
 * Anything else is refused with {@code KustoRequestException.unsupported} naming the construct.
 *
 * <p>Semantics are Kusto's, not SQL's, where they differ: names are case-sensitive; strings are never null;
 * {@code ==} of a null and a non-null value is false and {@code !=} true (so {@code !in} keeps nulls); reals compare
 * as IEEE 754 (NaN equals nothing); sort defaults to descending with nulls last, NaN next to null; integer division
 * truncates; bin rounds down on Kusto's 0001-01-01 origin.
 *
 * <h2>Known deviations from Kusto</h2>
 *
 * <ul>
 *   <li>{@code dcount} is exact (Kusto estimates).
 *   <li>{@code hash(x, n)} partitions like Kusto's (deterministic, equal values equal hashes, in [0, n)) but its
 *       values are DuckDB's hash, not Kusto's xxhash64.
 *   <li>Datetimes keep microseconds (the store's precision): a seventh fraction digit is dropped.
 *   <li>{@code has} follows the documented term definition (maximal runs of ASCII letters and digits); terms that
 *       are empty or start or end with punctuation have no documented meaning and are refused.
 *   <li>Decimal multiplication, division and modulo, and bin on decimals, are computed in double precision.
 *   <li>{@code tostring(real)} follows .NET's round-trip text (see {@code Conversions}); negative zero is "0".
 *   <li>Integer overflow is an error (DuckDB) rather than wrapping around.
 *   <li>{@code to typeof(T)} in mv-expand and mv-apply converts as the matching {@code toT()} function does, where
 *       Kusto only casts (a string "5" becomes 5 in a long column rather than null).
 *   <li>In mv-apply, a row whose arrays are all empty yields no row even when the subquery is a summarize without
 *       {@code by} (Kusto runs it over the empty subtable and yields one row).
 *   <li>The order of rows out of mv-expand, mv-apply and union is not guaranteed (Kusto keeps the input order).
 *   <li>{@code getschema} reports bool as System.SByte and decimal as System.Data.SqlTypes.SqlDecimal.
 * </ul>
 */
package com.microsoft.kusto.emulator.kql;

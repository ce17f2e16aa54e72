package com.microsoft.kusto.emulator.export;

import com.microsoft.kusto.emulator.result.ResultTable;
import java.util.function.Supplier;

/**
 * The emulator's registry of asynchronous operations as {@code .export async} uses it: runs {@code work} in the
 * background, records its result as the operation's details ({@code .show operation <id> details}) or its
 * failure, and returns the operation id at once.
 */
@FunctionalInterface
public interface AsyncOperations {
  String run(String operationName, String database, Supplier<ResultTable> work);
}

package com.microsoft.kusto.emulator.store;

/** The State column of {@code .show operations}. */
public enum OperationState {
  InProgress,
  Completed,
  Failed
}

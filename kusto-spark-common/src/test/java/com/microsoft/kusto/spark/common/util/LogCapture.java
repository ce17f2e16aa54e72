package com.microsoft.kusto.spark.common.util;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple prints: it writes to {@code System.err}, looked up on every call, so swapping the
 * stream sees every log line of the code under test.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream originalErr = System.err;
  private final PrintStream originalOut = System.out;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  private LogCapture() {
    PrintStream capture = new PrintStream(buffer, true);
    System.setErr(capture);
    System.setOut(capture);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** Everything printed so far. */
  public String text() {
    System.err.flush();
    return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(originalErr);
    System.setOut(originalOut);
    originalErr.print(text());
  }
}

package com.microsoft.kusto.spark.common.auth;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** Token-provider callback classes as users write them, good and bad. */
public final class TestTokenProviders {
  private TestTokenProviders() {}

  /** Returns a token derived from the options; counts calls. */
  public static final class FromOptions implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;
    public static final AtomicInteger CALLS = new AtomicInteger();
    private final String database;

    public FromOptions(Map<String, String> options) {
      // Case-insensitive lookup: the user wrote "kustoDatabase".
      this.database = options.get("KUSTODATABASE");
    }

    @Override
    public String call() {
      CALLS.incrementAndGet();
      return "token-for-" + database;
    }
  }

  /** Has only a no-argument constructor. */
  public static final class NoArgs implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String call() {
      return "t";
    }
  }

  /** Holds a field that cannot be serialized. */
  public static final class NotSerializableField implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;
    @SuppressWarnings("unused")
    private final Object lock = new Object();

    public NotSerializableField(Map<String, String> options) {}

    @Override
    public String call() {
      return "t";
    }
  }

  /** Fails when called. */
  public static final class Throwing implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;

    public Throwing(Map<String, String> options) {}

    @Override
    public String call() {
      throw new IllegalStateException("no token today");
    }
  }

  /** Returns an empty token. */
  public static final class Empty implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String call() {
      return " ";
    }
  }

  /** Not a callable at all. */
  public static final class NotCallable implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Its constructor fails. */
  public static final class ThrowingConstructor implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;

    public ThrowingConstructor(Map<String, String> options) {
      throw new IllegalArgumentException("missing setting");
    }

    @Override
    public String call() {
      return "t";
    }
  }

  /** No constructor the connector can call. */
  public static final class WrongConstructor implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;

    public WrongConstructor(int unused) {}

    @Override
    public String call() {
      return "t";
    }
  }
}

package com.microsoft.kusto.spark.common.auth;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Builds the user's token-provider callback ({@code tokenProviderCallbackClasspath}) on the driver and proves it
 * usable before any executor needs it: the class must implement {@code Callable<String>} and
 * {@code Serializable}, have a public constructor taking the options {@code Map<String, String>} (or a public
 * no-argument one), return a non-blank token when called, and survive Java serialization.
 */
public final class TokenProviderCallbacks {
  private static final String OPTION = "tokenProviderCallbackClasspath";

  private TokenProviderCallbacks() {}

  /**
   * Loads, constructs, calls once and serialize-checks the callback class.
   *
   * @param options the case-insensitive options map passed to the constructor
   */
  public static Callable<String> instantiate(String className, Map<String, String> options) {
    Class<?> type = load(className);
    if (!Callable.class.isAssignableFrom(type) || !Serializable.class.isAssignableFrom(type)) {
      throw failed(className, "the class must implement java.util.concurrent.Callable<String> and "
          + "java.io.Serializable", "Implement both interfaces.", null);
    }
    Callable<?> callback = construct(type, className, options);
    Object token;
    try {
      token = callback.call();
    } catch (Exception e) {
      throw failed(className, "calling it on the driver threw " + e.getClass().getName(),
          "Fix the callback so that it returns a token.", e);
    }
    if (!(token instanceof String) || ((String) token).trim().isEmpty()) {
      throw failed(className, "calling it on the driver returned " + (token == null ? "null" : "no token"),
          "Return a non-empty access token string.", null);
    }
    @SuppressWarnings("unchecked")
    Callable<String> typed = (Callable<String>) callback;
    checkSerializable(typed, className);
    return typed;
  }

  private static Class<?> load(String className) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(className, true, loader != null ? loader : TokenProviderCallbacks.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw failed(className, "the class cannot be loaded (" + e.getClass().getSimpleName() + ")",
          "Check the fully qualified class name and that its jar is on the driver and executor class path.", null);
    }
  }

  private static Callable<?> construct(Class<?> type, String className, Map<String, String> options) {
    try {
      for (Constructor<?> c : type.getConstructors()) {
        Class<?>[] params = c.getParameterTypes();
        if (params.length == 1 && params[0].isAssignableFrom(Map.class)) {
          return (Callable<?>) c.newInstance(options);
        }
      }
      for (Constructor<?> c : type.getConstructors()) {
        if (c.getParameterTypes().length == 0) {
          return (Callable<?>) c.newInstance();
        }
      }
    } catch (InvocationTargetException e) {
      throw failed(className, "its constructor threw " + e.getCause().getClass().getName(),
          "Fix the constructor.", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw failed(className, "it cannot be constructed (" + e.getClass().getSimpleName() + ")",
          "Make the class and its constructor public and the class concrete.", null);
    }
    throw failed(className, "it has no public constructor taking a java.util.Map<String, String> or no arguments",
        "Add a public constructor taking the options map.", null);
  }

  private static void checkSerializable(Callable<String> callback, final String className) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(callback);
      }
      final ClassLoader loader = callback.getClass().getClassLoader();
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
          try {
            return Class.forName(desc.getName(), false, loader);
          } catch (ClassNotFoundException e) {
            return super.resolveClass(desc);
          }
        }
      }) {
        in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw failed(className, "it cannot be serialized for the executors (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")", "Make every field serializable or transient.", null);
    }
  }

  private static KustoConnectorException failed(String className, String reason, String fix, Throwable cause) {
    String message = KustoConnectorException.message("use the token provider class [" + className + "] of option '"
        + OPTION + "'", reason, fix);
    InvalidOptionException e = new InvalidOptionException(ErrorCode.TOKEN_PROVIDER_FAILED, message, OPTION);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }
}

package com.microsoft.kusto.spark.common.auth;

import com.microsoft.kusto.spark.common.error.ErrorCode;
import com.microsoft.kusto.spark.common.error.InvalidOptionException;
import com.microsoft.kusto.spark.common.error.KustoConnectorException;
import com.microsoft.kusto.spark.common.util.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Enumeration;

/**
 * An application certificate read from a PKCS12 (PFX) file: the first entry holding a private key. The file is read
 * once, on the driver, and its bytes travel with the configuration, so unlike the established connector the file
 * does not have to exist on every executor.
 */
public final class PfxCertificate implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final byte[] pfx;
  private final String password;
  private transient volatile X509Certificate certificate;
  private transient volatile PrivateKey privateKey;

  private PfxCertificate(String path, byte[] pfx, String password) {
    this.path = path;
    this.pfx = pfx;
    this.password = password;
  }

  /**
   * Reads and checks the PFX file.
   *
   * @param pathOption the option that named the file, for error messages
   * @throws KustoConnectorException {@link ErrorCode#CERTIFICATE_UNREADABLE} when the file is missing,
   *     the password is wrong or no entry holds a private key
   */
  public static PfxCertificate load(String path, String password, String pathOption) {
    Path file = Paths.get(path);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw unreadable(path, pathOption, "the file cannot be read (" + e.getClass().getSimpleName() + ")",
          "Check that the file exists on the driver and is readable.");
    }
    PfxCertificate result = new PfxCertificate(path, bytes, password);
    result.decode(pathOption);
    return result;
  }

  /** The path the certificate was read from. */
  public String getPath() {
    return path;
  }

  /** The certificate of the first key entry. */
  public X509Certificate getCertificate() {
    if (certificate == null) {
      decode(null);
    }
    return certificate;
  }

  /** The private key of the first key entry. */
  public PrivateKey getPrivateKey() {
    if (privateKey == null) {
      decode(null);
    }
    return privateKey;
  }

  private synchronized void decode(String pathOption) {
    char[] pw = password == null ? new char[0] : password.toCharArray();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(pfx), pw);
      Enumeration<String> aliases = store.aliases();
      while (aliases.hasMoreElements()) {
        String alias = aliases.nextElement();
        if (store.isKeyEntry(alias)) {
          Key key = store.getKey(alias, pw);
          Certificate cert = store.getCertificate(alias);
          if (key instanceof PrivateKey && cert instanceof X509Certificate) {
            privateKey = (PrivateKey) key;
            certificate = (X509Certificate) cert;
            return;
          }
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      // The exception text of the key store never includes the password, but may be vague; say what to check.
      throw unreadable(path, pathOption, "it is not a PKCS12 file or the password is wrong ("
          + e.getClass().getSimpleName() + ")", "Check the file format and 'kutoAadAppCertPassword'.");
    } finally {
      Arrays.fill(pw, '\0');
    }
    throw unreadable(path, pathOption, "it holds no private key with an X.509 certificate",
        "Export the certificate together with its private key.");
  }

  private static KustoConnectorException unreadable(String path, String option, String reason, String fix) {
    String what = option == null ? "PFX file [" + path + "]" : "PFX file [" + path + "] of option '" + option + "'";
    String message = KustoConnectorException.message("read the " + what, reason, fix);
    return option == null ? new KustoConnectorException(ErrorCode.CERTIFICATE_UNREADABLE, message)
        : new InvalidOptionException(ErrorCode.CERTIFICATE_UNREADABLE, message, option);
  }

  /** A digest of the certificate file and its password. */
  String digest() {
    return Digests.sha256(path, java.util.Base64.getEncoder().encodeToString(pfx), password);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PfxCertificate)) {
      return false;
    }
    PfxCertificate other = (PfxCertificate) o;
    return path.equals(other.path) && Arrays.equals(pfx, other.pfx)
        && (password == null ? other.password == null : password.equals(other.password));
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(pfx);
  }

  @Override
  public String toString() {
    return "PfxCertificate{path=" + path + ", password=" + (password == null ? "none" : "****") + "}";
  }
}

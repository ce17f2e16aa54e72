package com.microsoft.kusto.spark.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.exceptions.DataClientException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.ThrottleException;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionClientException;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionServiceException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {
  @Test
  void throttlingIsTransient() {
    assertThat(TransientFailures.isTransient(new ThrottleException("https://c"))).isTrue();
  }

  @Test
  void permanentServiceErrorsAreNot() {
    assertThat(TransientFailures.isTransient(new DataServiceException("https://c", "Semantic error", true))).isFalse();
  }

  @Test
  void nonPermanentServiceErrorsWithoutHttpAnswerAreTransient() {
    assertThat(TransientFailures.isTransient(new DataServiceException("https://c", "reset", false))).isTrue();
  }

  @Test
  void clientErrorsAreTransientOnlyWhenCausedByIo() {
    assertThat(TransientFailures.isTransient(new DataClientException("https://c", "io", new ConnectException("refused"))))
        .isTrue();
    assertThat(TransientFailures.isTransient(new DataClientException("https://c", "bad argument"))).isFalse();
  }

  @Test
  void plainIoIsTransientAndProgrammingErrorsAreNot() {
    assertThat(TransientFailures.isTransient(new IOException("broken pipe"))).isTrue();
    assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void statusesDecide() {
    assertThat(TransientFailures.isTransient(new DataServiceException("https://c", "x", null, false) {
      @Override
      public Integer getStatusCode() {
        return 503;
      }
    })).isTrue();
    assertThat(TransientFailures.isTransient(new DataServiceException("https://c", "x", null, false) {
      @Override
      public Integer getStatusCode() {
        return 401;
      }
    })).isFalse();
  }

  @Test
  void ingestionServiceFailuresAreTransientUnlessTheirCauseIsPermanent() {
    assertThat(TransientFailures.isTransient(new IngestionServiceException("queue unavailable"))).isTrue();
    assertThat(TransientFailures.isTransient(new IngestionServiceException("src", "denied",
        new DataServiceException("https://c", "Forbidden", true)))).isFalse();
    assertThat(TransientFailures.isTransient(new IngestionClientException("bad properties"))).isFalse();
    assertThat(TransientFailures.isTransient(new IngestionClientException("upload",
        new ConnectException("refused")))).isTrue();
  }

  @Test
  void throttlingIsToldApartAndPermanentAnswersAreFoundInTheChain() {
    assertThat(TransientFailures.isThrottling(new RuntimeException(new ThrottleException("https://c")))).isTrue();
    assertThat(TransientFailures.isThrottling(new DataServiceException("https://c", "reset", false))).isFalse();
    assertThat(TransientFailures.isPermanent(
        new IngestionClientException("src", "refresh", new DataServiceException("https://c", "denied", true))))
        .isTrue();
    assertThat(TransientFailures.isPermanent(new IngestionClientException("timed out"))).isFalse();
  }

  @Test
  void anUnknownHostOrAnUntrustedCertificateIsNotWaitedFor() {
    assertThat(TransientFailures.isTransient(new java.net.UnknownHostException("mycluster.kusto.windows.nett")))
        .isFalse();
    assertThat(TransientFailures.isTransient(new DataServiceException("https://c", "io",
        new javax.net.ssl.SSLHandshakeException("PKIX path building failed"), true))).isFalse();
  }

  @Test
  void onlyARefusalBeforeRunningIsSafeToResend() {
    assertThat(TransientFailures.isSafeToResend(new ThrottleException("https://c"))).isTrue();
    assertThat(TransientFailures.isSafeToResend(new DataClientException("https://c", "io",
        new ConnectException("refused")))).isTrue();
    assertThat(TransientFailures.isSafeToResend(new IOException("Connection prematurely closed BEFORE response")))
        .isFalse();
    assertThat(TransientFailures.isSafeToResend(new DataServiceException("https://c", "x", null, false) {
      @Override
      public Integer getStatusCode() {
        return 503;
      }
    })).isTrue();
    assertThat(TransientFailures.isSafeToResend(new DataServiceException("https://c", "x", null, false) {
      @Override
      public Integer getStatusCode() {
        return 504;
      }
    })).isFalse();
  }
}

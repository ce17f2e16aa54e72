package com.microsoft.kusto.spark.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.kusto.data.exceptions.DataClientException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.ThrottleException;
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
}

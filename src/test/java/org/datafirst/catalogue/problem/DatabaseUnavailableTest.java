package org.datafirst.catalogue.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheChainCount() {
        assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLTransientConnectionException("gone"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causes(new IllegalStateException(
                        "wrapped", new SQLException("Connection to localhost:5432 refused", "08001"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causes(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("Sorry, acquisition timeout!")))
                .isTrue();
    }

    @Test
    void otherFailuresDoNot() {
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new SQLException("syntax error", "42601")))
                .isFalse();
    }
}

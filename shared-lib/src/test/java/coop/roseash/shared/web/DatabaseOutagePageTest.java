package coop.roseash.shared.web;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures count as "the database is unreachable" (503, try again) rather than a bug (500). */
class DatabaseOutagePageTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        // what Hibernate throws when PostgreSQL refuses the connection (SQLSTATE 08001) or drops it (08006)
        assertThat(SxErrorPages.databaseUnreachable(new IllegalStateException("JDBCConnectionException",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(SxErrorPages.databaseUnreachable(new RuntimeException(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend", "08006"))))).isTrue();
        // the pool giving up waiting for a connection
        assertThat(SxErrorPages.databaseUnreachable(new RuntimeException(
                new SQLTransientConnectionException("Acquisition timeout")))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertThat(SxErrorPages.databaseUnreachable(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(SxErrorPages.databaseUnreachable(new RuntimeException(new SQLException("no state")))).isFalse();
        assertThat(SxErrorPages.databaseUnreachable(new NullPointerException())).isFalse();
    }

    @Test
    void theOutagePageSaysToTryAgain() {
        assertThat(ErrorViews.forStatus(503).kwargs().get("heading")).isEqualTo("Back in a moment");
        assertThat(ErrorViews.forStatus(503).kwargs().get("message").toString()).contains("try again in a minute");
    }
}

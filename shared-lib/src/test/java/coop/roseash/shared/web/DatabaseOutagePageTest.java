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
    void aCommitThatMeetsPostgresShuttingDownIsAnOutage() {
        // as FaultsIT met it: Narayana's RollbackException suppresses the XAException whose cause is the driver's 57P01
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(SxErrorPages.databaseUnreachable(new RuntimeException(rollback))).isTrue();
        assertThat(SxErrorPages.databaseUnreachable(new SQLException("the database system is starting up", "57P03"))).isTrue();
        // a query cancelled on purpose (57014) is no outage
        assertThat(SxErrorPages.databaseUnreachable(new SQLException("canceling statement due to user request", "57014"))).isFalse();
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

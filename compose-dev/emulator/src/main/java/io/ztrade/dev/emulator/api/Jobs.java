package io.ztrade.dev.emulator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recent jobs from the {@code job_run} ledger the functions keep in PostgreSQL, newest first. */
@ApplicationScoped
public class Jobs {

    /** Statuses of {@code job_run}. */
    public static final Set<String> STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED");

    /** One row of {@code job_run}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Job(long id, String eventSource, String eventId, String eventType, String function, String status, int attempts,
            Instant startedAt, Instant finishedAt, Long durationMs, String error, String replyType) {}

    private final AgroalDataSource dataSource;

    public Jobs(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The newest {@code limit} jobs, optionally only those with {@code status}; empty while the
     * schema does not exist yet.
     */
    public List<Job> recent(String status, int limit) throws SQLException {
        String sql = "select id, event_source, event_id, event_type, function, status, attempts, started_at, finished_at, error,"
                + " reply_type from job_run" + (status == null ? "" : " where status = ?") + " order by started_at desc, id desc limit ?";
        List<Job> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (status != null) {
                ps.setString(i++, status.toUpperCase(Locale.ROOT));
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant started = instant(rs.getTimestamp("started_at"));
                    Instant finished = instant(rs.getTimestamp("finished_at"));
                    out.add(new Job(rs.getLong("id"), rs.getString("event_source"), rs.getString("event_id"), rs.getString("event_type"),
                            rs.getString("function"), rs.getString("status"), rs.getInt("attempts"), started, finished,
                            started != null && finished != null ? finished.toEpochMilli() - started.toEpochMilli() : null,
                            rs.getString("error"), rs.getString("reply_type")));
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return List.of(); // no job_run table yet: no function has migrated the schema
            }
            throw e;
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

package io.ztrade.orderbook.service.kafka;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Snapshots in PostgreSQL, table {@code orderbook.orderbook_snapshot} (Flyway migration
 * {@code db/orderbook/V1__orderbook_snapshot.sql}). Keeps the newest {@code keep} per partition.
 */
public final class JdbcSnapshotStore implements SnapshotStore {

    private static final String INSERT = """
            INSERT INTO orderbook.orderbook_snapshot (topic, partition_id, next_offset, state, state_bytes)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (topic, partition_id, next_offset) DO NOTHING""";

    private static final String PRUNE = """
            DELETE FROM orderbook.orderbook_snapshot
             WHERE topic = ? AND partition_id = ? AND next_offset < (
                   SELECT min(next_offset) FROM (
                          SELECT next_offset FROM orderbook.orderbook_snapshot
                           WHERE topic = ? AND partition_id = ?
                           ORDER BY next_offset DESC LIMIT ?) newest)""";

    private static final String LATEST = """
            SELECT next_offset, state FROM orderbook.orderbook_snapshot
             WHERE topic = ? AND partition_id = ?
             ORDER BY next_offset DESC LIMIT 1""";

    private final DataSource dataSource;
    private final int keep;

    /** @param keep how many snapshots to keep per partition (at least 1) */
    public JdbcSnapshotStore(DataSource dataSource, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1: " + keep);
        }
        this.dataSource = dataSource;
        this.keep = keep;
    }

    @Override
    public void save(Snapshot s) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT);
                    PreparedStatement prune = c.prepareStatement(PRUNE)) {
                insert.setString(1, s.topic());
                insert.setInt(2, s.partition());
                insert.setLong(3, s.nextOffset());
                insert.setBytes(4, s.state());
                insert.setInt(5, s.state().length);
                insert.executeUpdate();
                prune.setString(1, s.topic());
                prune.setInt(2, s.partition());
                prune.setString(3, s.topic());
                prune.setInt(4, s.partition());
                prune.setInt(5, keep);
                prune.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the snapshot of " + s.topic() + "-" + s.partition() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Snapshot> latest(String topic, int partition) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(LATEST)) {
            q.setString(1, topic);
            q.setInt(2, partition);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Snapshot(topic, partition, rs.getLong(1), rs.getBytes(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the snapshot of " + topic + "-" + partition + ": "
                    + e.getMessage(), e);
        }
    }
}

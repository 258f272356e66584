package io.ztrade.orderbook.service.kafka;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Which replica owns a partition of {@code ztrade.orders}, and where it answers REST calls: the
 * owner is the consumer group member the partition is assigned to (Kafka's answer, the one the
 * sequencers go by), its address the {@code orderbook_member} row it wrote at start. Answers are
 * cached briefly; a miss (a rebalance in progress, a member without a row) is empty, never a guess.
 */
public final class OwnerDirectory implements AutoCloseable {

    /** The Kafka client id suffix of a node's consumer (see {@link OrderbookNode}). */
    static final String CONSUMER_SUFFIX = "-consumer";

    private static final String UPSERT = """
            INSERT INTO orderbook.orderbook_member (client_id, rest_url) VALUES (?, ?)
            ON CONFLICT (client_id) DO UPDATE SET rest_url = excluded.rest_url, updated_at = now()""";
    private static final String DELETE = "DELETE FROM orderbook.orderbook_member WHERE client_id = ?";
    private static final String URL = "SELECT rest_url FROM orderbook.orderbook_member WHERE client_id = ?";

    private final NodeSettings settings;
    private final DataSource dataSource;
    private final Duration cacheFor;
    private final Admin admin;

    private volatile List<MemberDescription> members = List.of();
    private volatile long membersAt = Long.MIN_VALUE;

    public OwnerDirectory(NodeSettings settings, DataSource dataSource, Duration cacheFor) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.cacheFor = cacheFor;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.clientId() + "-directory");
        p.putAll(settings.clientProperties());
        this.admin = Admin.create(p);
    }

    /** Records where this replica answers ({@code restUrl}), under its client id. */
    public void register(URI restUrl) {
        update(UPSERT, settings.clientId(), restUrl.toString());
    }

    /** Removes this replica's row (on a clean stop). */
    public void deregister() {
        update(DELETE, settings.clientId(), null);
    }

    /**
     * The REST address of the replica that owns {@code partition} now, if another replica owns it
     * and has registered; empty while the group rebalances or when this replica is the owner.
     */
    public Optional<URI> owner(int partition) {
        TopicPartition tp = new TopicPartition(settings.ordersTopic(), partition);
        // the cached view first; when it names no usable owner (or this replica), the group as it is now
        for (boolean fresh : new boolean[] {false, true}) {
            Optional<URI> owner = members(fresh).stream()
                    .filter(m -> m.assignment().topicPartitions().contains(tp))
                    .map(MemberDescription::clientId)
                    .filter(id -> id.endsWith(CONSUMER_SUFFIX))
                    .map(id -> id.substring(0, id.length() - CONSUMER_SUFFIX.length()))
                    .filter(node -> !node.equals(settings.clientId()))
                    .findFirst()
                    .flatMap(this::restUrl);
            if (owner.isPresent()) {
                return owner;
            }
        }
        return Optional.empty();
    }

    private Collection<MemberDescription> members(boolean fresh) {
        long now = System.nanoTime();
        if (!fresh && now - membersAt < cacheFor.toNanos()) {
            return members;
        }
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(settings.groupId()))
                    .describedGroups().get(settings.groupId()).get(5, TimeUnit.SECONDS);
            members = List.copyOf(group.members());
            membersAt = now;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            members = List.of();
        }
        return members;
    }

    private Optional<URI> restUrl(String node) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(URL)) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(URI.create(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private void update(String sql, String clientId, String url) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, clientId);
            if (url != null) {
                ps.setString(2, url);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record this replica in orderbook_member: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}

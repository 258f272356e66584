package io.ztrade.orderbook.service.core;

import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.OrderRejected;
import io.ztrade.events.payload.OrderRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The books of one partition of {@code ztrade.orders} and the offset of the next record to apply:
 * the unit that is owned by one replica, snapshotted, and recovered by replaying Kafka from that
 * offset. {@link #apply} is the sequencer's step: a record at an offset already applied is ignored,
 * so replaying a record is a no-op.
 *
 * <p>Plain Java and single-threaded: one thread (the partition's consumer) calls every method.
 */
public final class PartitionState {

    /** Order ids are {@code (offset + 1) << PARTITION_BITS | partition}: unique in the whole topic. */
    public static final int PARTITION_BITS = 10;

    /** The most partitions {@code ztrade.orders} may have. */
    public static final int MAX_PARTITIONS = 1 << PARTITION_BITS;

    private static final int FORMAT = 1;
    private static final int MAGIC = 0x5A54_5053; // "ZTPS"

    private final int partition;
    private final Instruments instruments;
    private final BookSettings settings;
    private final CommandDecoder decoder;
    private final ToIntFunction<String> partitionOfSymbol;
    private final Map<String, SymbolBook> books = new HashMap<>();
    private long nextOffset;

    /**
     * An empty state: no book, next offset {@code 0}.
     *
     * @param partitionOfSymbol the partition a symbol's records belong on (Kafka's key hash); a record
     *                          found elsewhere is rejected rather than starting a second book
     */
    public PartitionState(int partition, Instruments instruments, BookSettings settings,
            ToIntFunction<String> partitionOfSymbol) {
        if (partition < 0 || partition >= MAX_PARTITIONS) {
            throw new IllegalArgumentException("partition must be in [0, " + MAX_PARTITIONS + "): " + partition);
        }
        this.partition = partition;
        this.instruments = instruments;
        this.settings = settings;
        this.decoder = new CommandDecoder(instruments);
        this.partitionOfSymbol = partitionOfSymbol;
    }

    public int partition() {
        return partition;
    }

    /** Offset of the next record to apply; every record before it is in this state. */
    public long nextOffset() {
        return nextOffset;
    }

    /** The book of a symbol, or null when no command for it has been accepted yet. */
    public SymbolBook book(String symbol) {
        return books.get(symbol);
    }

    /** The books, by symbol. */
    public Map<String, SymbolBook> books() {
        return Collections.unmodifiableMap(books);
    }

    /** The id the order placed by the record at {@code offset} gets. */
    public long orderIdFor(long offset) {
        return ((offset + 1) << PARTITION_BITS) | partition;
    }

    /**
     * Applies one record, or nothing when its offset was applied before.
     *
     * @return the events and the result, or {@code null} for a record already applied
     */
    public Outcome apply(Incoming in) {
        if (in.partition() != partition) {
            throw new IllegalArgumentException("record of partition " + in.partition() + " given to " + partition);
        }
        if (in.offset() < nextOffset) {
            return null;
        }
        nextOffset = in.offset() + 1;
        EventIds ids = new EventIds(partition, in.offset());
        OrderRequest request = in.request();
        if (in.invalid() != null) {
            return refuse(in.invalid(), request, ids);
        }
        CommandDecoder.Decoding decoding = decoder.decode(request);
        if (!decoding.ok()) {
            return refuse(decoding.reject(), request, ids);
        }
        Command command = decoding.command();
        int home = partitionOfSymbol.applyAsInt(command.symbol());
        if (home != partition) {
            return refuse(new Reject(Reject.WRONG_PARTITION, "symbol", command.symbol() + " belongs on partition " + home
                    + " of the orders topic, this record is on " + partition
                    + " (use the symbol as record key and Kafka's default murmur2 partitioner)"), request, ids);
        }
        SymbolBook book = books.computeIfAbsent(command.symbol(), s -> new SymbolBook(instruments.find(s), settings));
        return book.apply(command, orderIdFor(in.offset()), ids);
    }

    private Outcome refuse(Reject reject, OrderRequest request, EventIds ids) {
        String symbol = request == null ? null : request.symbol();
        SymbolBook book = symbol == null ? null : books.get(symbol);
        String orderId = request == null ? null : request.orderId();
        String clientOrderId = request == null ? null : request.clientOrderId();
        String accountId = request == null ? null : request.accountId();
        if (book != null) {
            return book.reject(reject, orderId, clientOrderId, accountId, ids);
        }
        OrderRejected data = new OrderRejected(orderId, clientOrderId, accountId, symbol, reject.code(), reject.reason(), 0);
        return new Outcome(List.of(new Execution(ids.next(), EventTypes.ORDER_REJECTED, symbol, data)),
                new OrderResult(orderId, clientOrderId, OrderResult.REJECTED, "0", "0", List.of(), reject));
    }

    // ---------------------------------------------------------------------------------------------
    // Snapshot

    /**
     * The state at this point, copied (cheaply: references and arrays, no encoding) so that
     * {@link #toBytes(Frozen)} can encode it on another thread while this state goes on. Taken on the
     * sequencer thread between two records.
     */
    public static final class Frozen {
        private final int partition;
        private final long nextOffset;
        private final List<SymbolBook.Frozen> books;

        private Frozen(int partition, long nextOffset, List<SymbolBook.Frozen> books) {
            this.partition = partition;
            this.nextOffset = nextOffset;
            this.books = books;
        }

        /** The offset of the next record the frozen state had not applied. */
        public long nextOffset() {
            return nextOffset;
        }
    }

    /** Copies the state; see {@link Frozen}. */
    public Frozen freeze() {
        List<SymbolBook.Frozen> frozen = new ArrayList<>(books.size());
        for (SymbolBook book : new TreeMap<>(books).values()) {
            frozen.add(book.freeze());
        }
        return new Frozen(partition, nextOffset, frozen);
    }

    /** The whole state as bytes; equal states give equal bytes. */
    public byte[] toBytes() {
        return toBytes(freeze());
    }

    /** Encodes a frozen state, on any thread: the bytes {@link #toBytes()} gives for that state. */
    public static byte[] toBytes(Frozen state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(state.partition);
            out.writeLong(state.nextOffset);
            out.writeInt(state.books.size());
            for (SymbolBook.Frozen book : state.books) {
                SymbolBook.write(book, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when the bytes are not a state of this partition in this format,
     *                                  or hold a book of an instrument no longer configured
     */
    public static PartitionState fromBytes(byte[] bytes, Instruments instruments, BookSettings settings,
            ToIntFunction<String> partitionOfSymbol) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not an order book partition snapshot");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unsupported snapshot format " + format);
            }
            PartitionState state = new PartitionState(in.readInt(), instruments, settings, partitionOfSymbol);
            state.nextOffset = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                SymbolBook book = SymbolBook.read(in, instruments, settings);
                state.books.put(book.spec().symbol(), book);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the snapshot");
            }
            return state;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable snapshot: " + e.getMessage(), e);
        }
    }
}

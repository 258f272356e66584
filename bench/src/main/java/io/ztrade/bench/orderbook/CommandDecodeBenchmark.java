package io.ztrade.bench.orderbook;

import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.service.core.Incoming;
import io.ztrade.orderbook.service.kafka.CommandRecords;
import io.ztrade.orderbook.service.kafka.ExecutionRecords;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the order book's sequencer spends reading one command record: {@link CommandRecords#decode}
 * of an {@code io.ztrade.order.requested} in Kafka binary mode as the trading loop writes it (with a
 * {@code traceparent}), the CloudEvents rules, the SDK and the JSON included. The decode was a
 * quarter of the sequencer's samples end to end (bench/README.md, "Order book end to end").
 * <pre>
 * java -jar bench/target/benchmarks.jar CommandDecodeBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CommandDecodeBenchmark {

    private ConsumerRecord<String, byte[]> record;

    @Setup
    public void record() {
        OrderRequest order = OrderRequest.place("eth-momentum.20261204T0345.sig", "eth-momentum", "ETH-USD", "BUY", "LIMIT",
                "IOC", false, "3512.25", "0.25");
        ProducerRecord<String, byte[]> produced = CommandRecords.encode("ztrade.orders", null, order.clientOrderId(),
                URI.create("/ztrade/functions/trading-loop"), order, 1_764_820_000_000L);
        produced.headers().add("ce_traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes());
        record = new ConsumerRecord<>("ztrade.orders", 0, 42L, produced.timestamp(), TimestampType.CREATE_TIME, -1, -1,
                produced.key(), produced.value(), produced.headers(), java.util.Optional.empty());
        if (CommandRecords.decode(record).invalid() != null || ExecutionRecords.Trace.of(record.headers(), false).traceparent() == null) {
            throw new IllegalStateException("the benchmark's record does not decode: " + CommandRecords.decode(record).invalid());
        }
    }

    @Benchmark
    public Incoming decode() {
        return CommandRecords.decode(record);
    }
}

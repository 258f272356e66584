package io.ztrade.dev.emulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry table of the Knative Eventing data-plane contract, row by row. */
class ResponseClassTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "100, FAILED", "199, FAILED",
        "200, DELIVERED", "202, DELIVERED", "204, DELIVERED", "299, DELIVERED",
        "301, FAILED", "307, FAILED",
        "400, FAILED", "401, FAILED", "403, FAILED", "405, FAILED", "410, FAILED", "413, FAILED", "422, FAILED",
        "404, RETRY", "408, RETRY", "409, RETRY", "429, RETRY",
        "500, RETRY", "502, RETRY", "503, RETRY", "504, RETRY",
        "600, RETRY", "99, RETRY"
    })
    void classifiesStatusCodesAsTheDataPlaneContractSays(int status, ResponseClass expected) {
        assertThat(ResponseClass.of(status)).isEqualTo(expected);
    }
}

/**
 * Incremental technical indicators over primitive columns: O(1) work per bar, no allocation after
 * construction. Strategies compose them; reference tests check them against ta4j.
 */
package io.ztrade.domain.indicator;

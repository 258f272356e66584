package io.ztrade.persistence;

public enum JobStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}

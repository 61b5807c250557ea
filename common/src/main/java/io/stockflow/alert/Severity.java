package io.stockflow.alert;

public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}

package io.stockflow.channels.http;

import java.net.http.HttpResponse;

/**
 * Reads one HTTP answer into what the client reports: a final answer (accepted or refused) is returned; an answer that
 * asks to try again is thrown as a {@link RetryableAnswer}.
 */
@FunctionalInterface
public interface AnswerReader<T> {
    T read(HttpResponse<String> response) throws RetryableAnswer;
}

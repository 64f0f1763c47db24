package vn.dossierpost.support;

import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * An SMS gateway for MockWebServer: answers 202 and keeps every request, or answers the next few
 * requests with an error when told to.
 */
public final class SmsGatewayStandIn extends Dispatcher {
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> failures = new ConcurrentLinkedDeque<>();

    /** The next {@code times} requests get HTTP {@code status}. */
    public void failNext(int status, int times) {
        for (int i = 0; i < times; i++) {
            failures.add(status);
        }
    }

    public List<RecordedRequest> received() {
        return List.copyOf(received);
    }

    /** The requests whose body contains {@code marker}. */
    public List<RecordedRequest> about(String marker) {
        return received.stream().filter(r -> body(r).contains(marker)).toList();
    }

    public static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        received.add(request);
        Integer failure = failures.poll();
        if (failure != null) {
            return new MockResponse.Builder()
                    .code(failure)
                    .addHeader("Content-Type", "application/json")
                    .body("{\"error\":\"the gateway says no\"}")
                    .build();
        }
        return new MockResponse.Builder()
                .code(202)
                .addHeader("Content-Type", "application/json")
                .body("{\"status\":\"queued\"}")
                .build();
    }
}

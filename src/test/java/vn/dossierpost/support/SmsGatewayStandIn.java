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
 * requests about a marker with an error when told to.
 */
public final class SmsGatewayStandIn extends Dispatcher {
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ConcurrentLinkedDeque<>();

    private record Failure(int status, String marker) {}

    /**
     * The next {@code times} requests whose body contains {@code marker} (a recipient's number, say)
     * get HTTP {@code status}; a marker keeps a message still on its way from an earlier test from
     * taking the failure meant for this one.
     */
    public void failNext(int status, int times, String marker) {
        for (int i = 0; i < times; i++) {
            failures.add(new Failure(status, marker));
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
        String body = body(request);
        Failure failure = failures.stream()
                .filter(f -> body.contains(f.marker()))
                .findFirst()
                .orElse(null);
        if (failure != null && failures.remove(failure)) {
            return new MockResponse.Builder()
                    .code(failure.status())
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
